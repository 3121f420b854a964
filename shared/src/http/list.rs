use std::collections::HashMap;

use axum::Router;
use axum::extract::{Path, Query, State as Extract};
use axum::routing::get;

use super::State;
use super::extract::{Caller, id};
use crate::error::{Error, Result};
use crate::model::{Stats, Tenant};
use crate::usecases::MemberView;
use crate::usecases::audit::{self, AuditPageView, AuditQuery};
use crate::usecases::list::{self, ListQuery, MemberPage};

pub fn routes() -> Router<State> {
    Router::new()
        .route("/v1/tenants/{tenant}/users/export.csv", get(export))
        .route("/v1/tenants/{tenant}/users", get(list_members))
        .route("/v1/tenants/{tenant}/users/{user}", get(get_member))
        .route("/v1/tenants/{tenant}/stats", get(stats))
        .route("/v1/tenants/{tenant}/suppressions", get(suppressions))
        .route("/v1/tenants/{tenant}", get(tenant))
        .route("/v1/tenants/{tenant}/settings", get(settings))
        .route("/v1/tenants/{tenant}/audit", get(audit))
        .route("/v1/tenants/{tenant}/audit.csv", get(audit_csv))
        .route("/v1/tenants/{tenant}/users/{user}/history", get(history))
}

async fn audit(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    query: QueryString,
) -> Result<axum::Json<AuditPageView>> {
    let tenant = id(&tenant)?;
    let query = AuditQuery::parse(&params(query)?)?;
    audit::list(&app, caller, tenant, query)
        .await
        .map(axum::Json)
}

async fn audit_csv(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    query: QueryString,
) -> Result<axum::response::Response> {
    use axum::response::IntoResponse;
    let tenant = id(&tenant)?;
    let query = AuditQuery::parse(&params(query)?)?;
    let csv = audit::csv(&app, caller, tenant, query).await?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (
            axum::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"audit.csv\"",
        ),
    ];
    Ok((headers, csv).into_response())
}

async fn history(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
    query: QueryString,
) -> Result<axum::Json<AuditPageView>> {
    let (tenant, user) = (id(&tenant)?, id(&user)?);
    audit::history(&app, caller, tenant, user, &params(query)?)
        .await
        .map(axum::Json)
}

/// A page's query string, or why it could not be read (a problem, not axum's plain text).
type QueryString =
    std::result::Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>;

fn params(query: QueryString) -> Result<HashMap<String, String>> {
    query
        .map(|Query(params)| params)
        .map_err(|e| Error::field("query", e.body_text()))
}

async fn tenant(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
) -> Result<axum::Json<Tenant>> {
    list::tenant(&app, caller, id(&tenant)?)
        .await
        .map(axum::Json)
}

async fn settings(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
) -> Result<axum::Json<crate::usecases::settings::Settings>> {
    crate::usecases::settings::get(&app, caller, id(&tenant)?)
        .await
        .map(axum::Json)
}

async fn list_members(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    query: QueryString,
) -> Result<axum::Json<MemberPage>> {
    let query = ListQuery::parse(&params(query)?)?;
    list::list(&app, caller, id(&tenant)?, query)
        .await
        .map(axum::Json)
}

async fn suppressions(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
    query: QueryString,
) -> Result<axum::Json<crate::usecases::suppressions::SuppressionPage>> {
    crate::usecases::suppressions::list(&app, caller, id(&tenant)?, &params(query)?)
        .await
        .map(axum::Json)
}

async fn get_member(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path((tenant, user)): Path<(String, String)>,
) -> Result<axum::Json<MemberView>> {
    list::get(&app, caller, id(&tenant)?, id(&user)?)
        .await
        .map(axum::Json)
}

async fn stats(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
) -> Result<axum::Json<Stats>> {
    list::stats(&app, caller, id(&tenant)?)
        .await
        .map(axum::Json)
}

async fn export(
    Extract(app): Extract<State>,
    Caller(caller): Caller,
    Path(tenant): Path<String>,
) -> Result<axum::response::Response> {
    use axum::response::IntoResponse;
    let csv = list::export_csv(&app, caller, id(&tenant)?).await?;
    let headers = [
        (axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (
            axum::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"members.csv\"",
        ),
    ];
    Ok((headers, csv).into_response())
}
