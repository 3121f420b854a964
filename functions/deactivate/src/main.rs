//! The `deactivate` Lambda function: see `invitations::http::deactivate` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Deactivate).await
}
