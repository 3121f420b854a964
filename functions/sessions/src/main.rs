//! The `sessions` Lambda function: see `invitations::http::sessions` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Sessions).await
}
