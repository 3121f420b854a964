//! The `reinvite` Lambda function: see `invitations::http::reinvite` for its routes.

#[tokio::main]
async fn main() -> Result<(), lambda_http::Error> {
    invitations::lambda::run(invitations::http::Function::Reinvite).await
}
