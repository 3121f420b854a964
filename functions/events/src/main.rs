//! The `events` Lambda function: SES publishes bounces, complaints, deliveries and rejections
//! to an SNS topic, which hands them here. See `invitations::usecases::events`.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    invitations::lambda::run_events().await
}
