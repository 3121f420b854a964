//! The `deliver` Lambda function: the table's stream hands it new outbox entries, which it
//! sends through SES or SNS. See `invitations::usecases::deliver`.

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    invitations::lambda::run_deliver().await
}
