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
