//! The DynamoDB [`Table`]: one table, key attributes `pk` and `sk` (strings), the version in
//! `v`, the TTL attribute `ttl` (epoch seconds), and the record's fields as top-level attributes
//! (so counters can be `ADD`ed). Reads are GetItem and Query, strongly consistent unless the
//! caller asks for less; every change is one TransactWriteItems, with a `ClientRequestToken` so
//! that the SDK's retries of it are idempotent. No Scan anywhere.

use std::collections::HashMap;

use async_trait::async_trait;
use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::config::http::HttpResponse;
use aws_sdk_dynamodb::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, Delete, KeySchemaElement, KeyType, Put,
    ScalarAttributeType, TimeToLiveSpecification, TransactWriteItem, Update,
};

use super::is_server_error;
use crate::ports::{Condition, Item, Page, Query, Table, TableError, Write};

type Attributes = HashMap<String, AttributeValue>;

const RESERVED: [&str; 4] = ["pk", "sk", "v", "ttl"];

pub struct DynamoTable {
    client: Client,
    table: String,
}

impl DynamoTable {
    pub fn new(client: Client, table: impl Into<String>) -> Self {
        Self {
            client,
            table: table.into(),
        }
    }
}

fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}

fn n(v: impl ToString) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn key(pk: &str, sk: &str) -> Attributes {
    HashMap::from([("pk".to_string(), s(pk)), ("sk".to_string(), s(sk))])
}

fn to_attributes(item: &Item) -> Result<Attributes, TableError> {
    let mut attrs: Attributes = match &*item.body {
        serde_json::Value::Object(_) => serde_dynamo::to_item(&*item.body).map_err(|e| {
            TableError::Unavailable(format!("cannot encode {} {}: {e}", item.pk, item.sk))
        })?,
        _ => {
            return Err(TableError::Unavailable(format!(
                "the body of {} {} is not an object",
                item.pk, item.sk
            )));
        }
    };
    if let Some(clash) = RESERVED.iter().find(|r| attrs.contains_key(**r)) {
        return Err(TableError::Unavailable(format!(
            "the body of {} {} uses the reserved attribute {clash}",
            item.pk, item.sk
        )));
    }
    attrs.insert("pk".into(), s(&item.pk));
    attrs.insert("sk".into(), s(&item.sk));
    attrs.insert("v".into(), n(item.version));
    if let Some(ttl) = item.expires_at {
        attrs.insert("ttl".into(), n(ttl));
    }
    Ok(attrs)
}

fn number(attrs: &Attributes, name: &str) -> Option<i64> {
    match attrs.get(name) {
        Some(AttributeValue::N(v)) => v.parse().ok(),
        _ => None,
    }
}

fn from_attributes(mut attrs: Attributes) -> Result<Item, TableError> {
    let text = |attrs: &mut Attributes, name: &str| match attrs.remove(name) {
        Some(AttributeValue::S(v)) => Ok(v),
        _ => Err(TableError::Unavailable(format!(
            "an item without a string {name}"
        ))),
    };
    let pk = text(&mut attrs, "pk")?;
    let sk = text(&mut attrs, "sk")?;
    let version = number(&attrs, "v").unwrap_or(0).max(0) as u64;
    let expires_at = number(&attrs, "ttl");
    attrs.remove("v");
    attrs.remove("ttl");
    let body: serde_json::Value = serde_dynamo::from_item(attrs)
        .map_err(|e| TableError::Unavailable(format!("cannot decode {pk} {sk}: {e}")))?;
    Ok(Item {
        pk,
        sk,
        version,
        expires_at,
        body: body.into(),
    })
}

/// The condition expression of a write, with its values.
fn condition(c: &Condition) -> Option<(&'static str, Option<AttributeValue>)> {
    match c {
        Condition::None => None,
        Condition::NotExists => Some(("attribute_not_exists(pk)", None)),
        Condition::Version(v) => Some(("attribute_exists(pk) AND v = :expected", Some(n(v)))),
    }
}

/// Throttling, transient conflicts, timeouts and the service's own failures (a 5xx, after the
/// SDK's retries) are worth retrying later; everything else is not.
fn classify<E: ProvideErrorMetadata + std::error::Error + 'static>(
    e: SdkError<E, HttpResponse>,
) -> TableError {
    let retry_later = match &e {
        SdkError::TimeoutError(_) | SdkError::DispatchFailure(_) => true,
        SdkError::ServiceError(se) => matches!(
            se.err().code(),
            Some(
                "ThrottlingException"
                    | "ProvisionedThroughputExceededException"
                    | "RequestLimitExceeded"
                    | "TransactionConflictException"
                    | "TransactionInProgressException"
                    | "InternalServerError"
                    | "ServiceUnavailable",
            )
        ),
        _ => false,
    };
    if retry_later {
        return TableError::Throttled;
    }
    let context = aws_sdk_dynamodb::error::DisplayErrorContext(&e);
    if is_server_error(&e) {
        tracing::warn!(error = %context, "DynamoDB failed on its side through the SDK's retries");
        return TableError::Throttled;
    }
    TableError::Unavailable(context.to_string())
}

fn build_error(e: impl std::fmt::Display) -> TableError {
    TableError::Unavailable(format!("invalid request: {e}"))
}

impl DynamoTable {
    async fn get_item(
        &self,
        pk: &str,
        sk: &str,
        consistent: bool,
    ) -> Result<Option<Item>, TableError> {
        let out = self
            .client
            .get_item()
            .table_name(&self.table)
            .set_key(Some(key(pk, sk)))
            .consistent_read(consistent)
            .send()
            .await
            .map_err(classify)?;
        out.item.map(from_attributes).transpose()
    }

    fn transact_item(&self, write: Write) -> Result<TransactWriteItem, TableError> {
        Ok(match write {
            Write::Put { item, condition: c } => {
                let mut put = Put::builder()
                    .table_name(&self.table)
                    .set_item(Some(to_attributes(&item)?));
                if let Some((expr, value)) = condition(&c) {
                    put = put.condition_expression(expr);
                    if let Some(v) = value {
                        put = put.expression_attribute_values(":expected", v);
                    }
                }
                TransactWriteItem::builder()
                    .put(put.build().map_err(build_error)?)
                    .build()
            }
            Write::Delete {
                pk,
                sk,
                condition: c,
            } => {
                let mut delete = Delete::builder()
                    .table_name(&self.table)
                    .set_key(Some(key(&pk, &sk)));
                if let Some((expr, value)) = condition(&c) {
                    delete = delete.condition_expression(expr);
                    if let Some(v) = value {
                        delete = delete.expression_attribute_values(":expected", v);
                    }
                }
                TransactWriteItem::builder()
                    .delete(delete.build().map_err(build_error)?)
                    .build()
            }
            Write::Bump {
                pk,
                sk,
                field,
                by,
                max,
                expires_at,
            } => {
                let update = Update::builder()
                    .table_name(&self.table)
                    .set_key(Some(key(&pk, &sk)))
                    .update_expression("ADD #f :by, v :one SET #ttl = :ttl")
                    .condition_expression("attribute_not_exists(#f) OR #f <= :limit")
                    .expression_attribute_names("#f", field)
                    .expression_attribute_names("#ttl", "ttl")
                    .expression_attribute_values(":by", n(by))
                    .expression_attribute_values(":one", n(1))
                    .expression_attribute_values(":ttl", n(expires_at))
                    .expression_attribute_values(":limit", n(max - by))
                    .build()
                    .map_err(build_error)?;
                TransactWriteItem::builder().update(update).build()
            }
            Write::Add {
                pk,
                sk,
                deltas,
                ceiling,
                remove,
            } => {
                let mut expr = String::from("ADD v :one");
                let mut update = Update::builder()
                    .table_name(&self.table)
                    .set_key(Some(key(&pk, &sk)))
                    .expression_attribute_values(":one", n(1));
                for (i, (field, delta)) in deltas.iter().enumerate() {
                    expr.push_str(&format!(", #f{i} :d{i}"));
                    update = update
                        .expression_attribute_names(format!("#f{i}"), field)
                        .expression_attribute_values(format!(":d{i}"), n(delta));
                    if ceiling.as_ref().is_some_and(|c| c.field == *field) {
                        update = update.condition_expression(format!(
                            "attribute_not_exists(#f{i}) OR #f{i} <= :limit"
                        ));
                    }
                }
                if let Some(c) = &ceiling {
                    let delta: i64 = deltas
                        .iter()
                        .filter(|(f, _)| *f == c.field)
                        .map(|(_, d)| d)
                        .sum();
                    update = update.expression_attribute_values(":limit", n(c.max - delta));
                }
                for (i, field) in remove.iter().enumerate() {
                    expr.push_str(if i == 0 { " REMOVE " } else { ", " });
                    expr.push_str(&format!("#r{i}"));
                    update = update.expression_attribute_names(format!("#r{i}"), field);
                }
                TransactWriteItem::builder()
                    .update(
                        update
                            .update_expression(expr)
                            .build()
                            .map_err(build_error)?,
                    )
                    .build()
            }
        })
    }
}

#[async_trait]
impl Table for DynamoTable {
    async fn get(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.get_item(pk, sk, true).await
    }

    async fn get_eventual(&self, pk: &str, sk: &str) -> Result<Option<Item>, TableError> {
        self.get_item(pk, sk, false).await
    }

    async fn query(&self, q: &Query) -> Result<Page, TableError> {
        let mut req = self
            .client
            .query()
            .table_name(&self.table)
            .expression_attribute_values(":pk", s(&q.pk))
            .scan_index_forward(q.forward)
            .limit(i32::try_from(q.limit).unwrap_or(i32::MAX))
            .consistent_read(q.consistent);
        req = if q.sk_prefix.is_empty() {
            req.key_condition_expression("pk = :pk")
        } else {
            req.key_condition_expression("pk = :pk AND begins_with(sk, :prefix)")
                .expression_attribute_values(":prefix", s(&q.sk_prefix))
        };
        if let Some(after) = &q.start_after {
            req = req.set_exclusive_start_key(Some(key(&q.pk, after)));
        }
        let out = req.send().await.map_err(classify)?;
        let items = out
            .items
            .unwrap_or_default()
            .into_iter()
            .map(from_attributes)
            .collect::<Result<Vec<_>, _>>()?;
        let last_sk = out.last_evaluated_key.and_then(|k| match k.get("sk") {
            Some(AttributeValue::S(sk)) => Some(sk.clone()),
            _ => None,
        });
        Ok(Page { items, last_sk })
    }

    /// One TransactWriteItems, with a `ClientRequestToken` of its own set once on the
    /// operation's input, so every attempt the SDK makes of it (its retries after a timeout,
    /// a 5xx or throttling) carries the same token. DynamoDB keeps a token for 10 minutes: a
    /// retry of a transaction that did commit while its answer was lost is then answered with
    /// success instead of being applied again or failing its own conditions (and one still in
    /// flight with `TransactionInProgressException`, a retryable error here). A token reused
    /// with other items within those 10 minutes is refused, hence a fresh one (a UUID, 36
    /// characters) per call: a use case that tries again after a conflict or a failed
    /// condition builds new writes. The SDK fills in a token when none is set, but from the
    /// client's idempotency-token provider, which a configuration may fix to one value for
    /// every request (the SDK's test defaults do); this one does not depend on it.
    async fn transact(&self, writes: Vec<Write>) -> Result<(), TableError> {
        let items = writes
            .into_iter()
            .map(|w| self.transact_item(w))
            .collect::<Result<Vec<_>, _>>()?;
        match self
            .client
            .transact_write_items()
            .set_transact_items(Some(items))
            .client_request_token(uuid::Uuid::now_v7().to_string())
            .send()
            .await
        {
            Ok(_) => Ok(()),
            Err(SdkError::ServiceError(se)) => {
                use aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError;
                if let TransactWriteItemsError::TransactionCanceledException(ex) = se.err() {
                    let reasons = ex.cancellation_reasons();
                    if let Some(index) = reasons
                        .iter()
                        .position(|r| r.code() == Some("ConditionalCheckFailed"))
                    {
                        return Err(TableError::ConditionFailed { index });
                    }
                    if reasons
                        .iter()
                        .any(|r| r.code() == Some("TransactionConflict"))
                    {
                        return Err(TableError::Conflict);
                    }
                    // Cancelled for throttling or a transient fault.
                    return Err(TableError::Throttled);
                }
                Err(classify(SdkError::ServiceError(se)))
            }
            Err(e) => Err(classify(e)),
        }
    }
}

/// Creates the table if it does not exist: the key schema `infra/template.yaml` deploys
/// (`pk`, `sk` strings; on-demand), with TTL on `ttl`. For tests and `make run BACKEND=aws`.
pub async fn ensure_table(client: &Client, table: &str) -> Result<(), String> {
    let err = |e: &dyn std::fmt::Display| format!("table {table}: {e}");
    match client.describe_table().table_name(table).send().await {
        Ok(_) => return Ok(()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|se| se.is_resource_not_found_exception()) => {}
        Err(e) => return Err(err(&aws_sdk_dynamodb::error::DisplayErrorContext(&e))),
    }
    let attribute = |name: &str| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(ScalarAttributeType::S)
            .build()
            .map_err(|e| err(&e))
    };
    let key_part = |name: &str, kind: KeyType| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(kind)
            .build()
            .map_err(|e| err(&e))
    };
    client
        .create_table()
        .table_name(table)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(attribute("pk")?)
        .attribute_definitions(attribute("sk")?)
        .key_schema(key_part("pk", KeyType::Hash)?)
        .key_schema(key_part("sk", KeyType::Range)?)
        .send()
        .await
        .map_err(|e| err(&aws_sdk_dynamodb::error::DisplayErrorContext(&e)))?;
    let ttl = TimeToLiveSpecification::builder()
        .attribute_name("ttl")
        .enabled(true)
        .build()
        .map_err(|e| err(&e))?;
    client
        .update_time_to_live()
        .table_name(table)
        .time_to_live_specification(ttl)
        .send()
        .await
        .map_err(|e| err(&aws_sdk_dynamodb::error::DisplayErrorContext(&e)))?;
    Ok(())
}
