//! Adapters: the embedded ones (in-memory table, file outbox, settable clock) used by the local
//! server and the tests. The AWS ones (DynamoDB, SES v2, SNS, EventBridge Scheduler) implement
//! the same ports. `serialized` wraps a table for an emulator whose transactions are not safe
//! under concurrency.

pub mod clock;
pub mod dynamodb;
pub mod local_scheduler;
pub mod memory_table;
pub mod outbox;
pub mod scheduler;
pub mod serialized;
pub mod ses;
pub mod sns;

use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::result::SdkError;

/// Whether an AWS call ended in a 5xx: the service (or an emulator standing in for it, such as
/// moto with its HTML 500s) failed on its side through every retry the SDK made. The adapters
/// report it as worth trying again later, like throttling, never as a fault of the request.
/// Whatever the body says: a 5xx whose body cannot be read has no error code to go by.
pub(crate) fn is_server_error<E>(e: &SdkError<E, HttpResponse>) -> bool {
    e.raw_response()
        .is_some_and(|r| r.status().is_server_error())
}
