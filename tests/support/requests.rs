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
    /// The answer's body (requests are recorded one at a time: the latest request gets it).
    pub response: String,
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
}

impl Intercept for RequestLog {
    fn name(&self) -> &'static str {
        "RequestLog"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let request = context.request();
        let operation = match request.headers().get("x-amz-target") {
            Some(target) => target.rsplit('.').next().unwrap_or(target).to_string(),
            None => request.uri().rsplit('/').next().unwrap_or("").to_string(),
        };
        let body = text(request.body());
        self.0.lock().unwrap().push(Sent {
            operation,
            body,
            response: String::new(),
        });
        Ok(())
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let body = text(context.response().body());
        if let Some(last) = self.0.lock().unwrap().last_mut() {
            last.response = body;
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
