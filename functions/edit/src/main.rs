//! The `edit` Lambda function: see `invitations::http::edit` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Edit).await
}
