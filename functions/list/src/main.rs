//! The `list` Lambda function: see `invitations::http::list` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::List).await
}
