//! The `dispatch` Lambda function: EventBridge Scheduler's target for deferred invitations.
//! See `invitations::usecases::dispatch`.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    invitations::lambda::run_dispatch().await
}
