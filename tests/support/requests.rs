//! An SDK interceptor that records every request an AWS client puts on the wire: the operation
//! (from `X-Amz-Target`) and the body. For request budgets and for checking what was sent.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    AfterDeserializationInterceptorContextRef, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;

#[derive(Clone, Debug)]
pub struct Sent {
    pub operation: String,
    pub body: String,
    /// The answer's body.
    pub response: String,
    /// When the request went on the wire, and when its answer was read.
    pub sent_at: std::time::Instant,
    pub answered_at: Option<std::time::Instant>,
}

/// Which recorded request an attempt is, carried from its sending to its answer.
#[derive(Clone, Copy, Debug)]
struct Index(usize);

impl aws_smithy_types::config_bag::Storable for Index {
    type Storer = aws_smithy_types::config_bag::StoreReplace<Self>;
}

#[derive(Clone, Debug, Default)]
pub struct RequestLog(Arc<Mutex<Vec<Sent>>>);

impl RequestLog {
    pub fn take(&self) -> Vec<Sent> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }

    /// The operations since the last `take`, in order.
    pub fn operations(&self) -> Vec<String> {
        self.take().into_iter().map(|s| s.operation).collect()
    }

    /// The operations since the last `take`, and how many of them one after another an
    /// operation waited for: the longest chain of requests each sent after the one before it
    /// was answered (requests sent at once count once).
    pub fn critical_path(&self) -> (Vec<String>, usize) {
        let sent = self.take();
        let mut depth = vec![0usize; sent.len()];
        let mut order: Vec<usize> = (0..sent.len()).collect();
        order.sort_by_key(|&i| sent[i].sent_at);
        for (n, &j) in order.iter().enumerate() {
            let before = order[..n]
                .iter()
                .filter(|&&i| sent[i].answered_at.is_some_and(|a| a <= sent[j].sent_at))
                .map(|&i| depth[i])
                .max()
                .unwrap_or(0);
            depth[j] = before + 1;
        }
        let longest = depth.iter().copied().max().unwrap_or(0);
        (sent.into_iter().map(|s| s.operation).collect(), longest)
    }
}

impl Intercept for RequestLog {
    fn name(&self) -> &'static str {
        "RequestLog"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request();
        let operation = match request.headers().get("x-amz-target") {
            Some(target) => target.rsplit('.').next().unwrap_or(target).to_string(),
            None => request.uri().rsplit('/').next().unwrap_or("").to_string(),
        };
        let body = text(request.body());
        let mut log = self.0.lock().unwrap();
        cfg.interceptor_state().store_put(Index(log.len()));
        log.push(Sent {
            operation,
            body,
            response: String::new(),
            sent_at: std::time::Instant::now(),
            answered_at: None,
        });
        Ok(())
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let body = text(context.response().body());
        let index = cfg.load::<Index>().map(|i| i.0);
        let mut log = self.0.lock().unwrap();
        if let Some(sent) = index.and_then(|i| log.get_mut(i)) {
            sent.response = body;
            sent.answered_at = Some(std::time::Instant::now());
        }
        Ok(())
    }
}

/// A request or response body as text (empty when it is streamed rather than in memory).
fn text(body: &aws_smithy_types::body::SdkBody) -> String {
    body.bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}
