//! The `accept` Lambda function: see `invitations::http::accept` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Accept).await
}
