//! The `invite` Lambda function: see `invitations::http::invite` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Invite).await
}
