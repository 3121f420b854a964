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

    /// Records a request (for a recorder other than the SDK interceptor, e.g. a proxy).
    pub fn record(&self, sent: Sent) {
        self.0.lock().unwrap().push(sent);
    }

    /// The operations since the last `take`, and how many of them one after another an
    /// operation waited for (see [`round_trips`]).
    pub fn critical_path(&self) -> (Vec<String>, usize) {
        let sent = self.take();
        let longest = round_trips(&sent).into_iter().max().unwrap_or(0);
        (sent.into_iter().map(|s| s.operation).collect(), longest)
    }
}

/// Each request's round trip: the length of the longest chain of requests ending with it, each
/// sent after the one before it was answered (requests sent at once share a round trip). The
/// largest is the critical path: how many round trips one after another the whole waited for.
pub fn round_trips(sent: &[Sent]) -> Vec<usize> {
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
    depth
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
        let body = text(request.body());
        let operation = operation(
            request.headers().get("x-amz-target"),
            request.method(),
            request.uri(),
            &body,
        );
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

/// The AWS operation a request calls: from `X-Amz-Target` (JSON protocols: DynamoDB, Secrets
/// Manager), the `Action` of a form body (query protocol: SNS), or the method and path of a REST
/// call (SES v2, EventBridge Scheduler), else the path's last segment.
pub fn operation(target: Option<&str>, method: &str, uri: &str, body: &str) -> String {
    if let Some(target) = target {
        return target.rsplit('.').next().unwrap_or(target).to_string();
    }
    if let Some(action) = body
        .split('&')
        .find_map(|pair| pair.strip_prefix("Action="))
    {
        return action.to_string();
    }
    let path = uri.split(['?', '#']).next().unwrap_or("");
    let path = match path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None => path,
    };
    let rest_call = if path.ends_with("/v2/email/outbound-emails") && method == "POST" {
        Some("SendEmail")
    } else if path.contains("/schedules/") {
        match method {
            "POST" => Some("CreateSchedule"),
            "PUT" => Some("UpdateSchedule"),
            "DELETE" => Some("DeleteSchedule"),
            "GET" => Some("GetSchedule"),
            _ => None,
        }
    } else {
        None
    };
    rest_call.map_or_else(
        || path.rsplit('/').next().unwrap_or("").to_string(),
        str::to_string,
    )
}

/// A request or response body as text (empty when it is streamed rather than in memory).
fn text(body: &aws_smithy_types::body::SdkBody) -> String {
    body.bytes()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default()
}
