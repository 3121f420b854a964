//! The Table port's contract, run against every implementation: the in-memory table and
//! DynamoDB (on moto). The store's key design and every domain condition are built on these
//! guarantees, so the local server behaves like production only while both pass.

#[path = "support/moto.rs"]
mod moto;

use std::sync::Arc;

use invitations::adapters::dynamodb::{DynamoTable, ensure_table};
use invitations::adapters::memory_table::MemoryTable;
use invitations::ports::{Ceiling, Condition, Item, Query, Table, TableError, Write};
use serde_json::json;

async fn memory() -> Arc<dyn Table> {
    Arc::new(MemoryTable::new())
}

async fn dynamodb() -> Arc<dyn Table> {
    let sdk = moto::sdk().await;
    let client = aws_sdk_dynamodb::Client::new(&sdk);
    let name = moto::fresh_table();
    ensure_table(&client, &name)
        .await
        .expect("create the table");
    // moto's transactions are not safe under concurrency; DynamoDB's are.
    invitations::adapters::serialized::serialized(Arc::new(DynamoTable::new(client, name)))
}

fn item(pk: &str, sk: &str, version: u64, body: serde_json::Value) -> Item {
    Item {
        pk: pk.into(),
        sk: sk.into(),
        version,
        expires_at: None,
        body: body.into(),
    }
}

fn put(i: Item, condition: Condition) -> Write {
    Write::Put { item: i, condition }
}

async fn a_record_round_trips_with_its_version_ttl_and_body(t: Arc<dyn Table>) {
    let body = json!({"name": "Zoë <b>", "n": 42, "neg": -7, "none": null, "list": ["a", "b"], "empty": [], "nested": {"x": true, "y": 1.5}, "blank": ""});
    let mut i = item("T#1", "M#1", 1, body.clone());
    i.expires_at = Some(1_795_482_000);
    t.transact(vec![put(i.clone(), Condition::NotExists)])
        .await
        .unwrap();
    let got = t.get("T#1", "M#1").await.unwrap().expect("the item");
    assert_eq!(got, i);
    assert_eq!(t.get("T#1", "M#2").await.unwrap(), None);
    assert_eq!(t.get("T#2", "M#1").await.unwrap(), None);
}

async fn not_exists_guards_uniqueness_and_a_failed_transaction_writes_nothing(t: Arc<dyn Table>) {
    t.transact(vec![put(
        item("T#1", "E#ana", 1, json!({"u": 1})),
        Condition::NotExists,
    )])
    .await
    .unwrap();
    let r = t
        .transact(vec![
            put(
                item("T#1", "M#new", 1, json!({"u": 2})),
                Condition::NotExists,
            ),
            Write::add("T#1".into(), "C#0".into(), vec![("invited".into(), 1)]),
            put(
                item("T#1", "E#ana", 1, json!({"u": 2})),
                Condition::NotExists,
            ),
        ])
        .await;
    assert_eq!(
        r,
        Err(TableError::ConditionFailed { index: 2 }),
        "the failing write is named"
    );
    assert_eq!(t.get("T#1", "M#new").await.unwrap(), None, "all or nothing");
    assert_eq!(t.get("T#1", "C#0").await.unwrap(), None, "all or nothing");
    assert_eq!(t.get("T#1", "E#ana").await.unwrap().unwrap().body["u"], 1);
}

async fn version_conditions_make_read_modify_write_safe(t: Arc<dyn Table>) {
    t.transact(vec![put(
        item("T#1", "M#1", 1, json!({"s": "invited"})),
        Condition::NotExists,
    )])
    .await
    .unwrap();
    t.transact(vec![put(
        item("T#1", "M#1", 2, json!({"s": "active"})),
        Condition::Version(1),
    )])
    .await
    .unwrap();
    let stale = t
        .transact(vec![put(
            item("T#1", "M#1", 2, json!({"s": "cancelled"})),
            Condition::Version(1),
        )])
        .await;
    assert_eq!(stale, Err(TableError::ConditionFailed { index: 0 }));
    let missing = t
        .transact(vec![put(
            item("T#1", "M#9", 2, json!({})),
            Condition::Version(1),
        )])
        .await;
    assert_eq!(
        missing,
        Err(TableError::ConditionFailed { index: 0 }),
        "a version condition needs the item"
    );
    let got = t.get("T#1", "M#1").await.unwrap().unwrap();
    assert_eq!((got.version, &got.body["s"]), (2, &json!("active")));
    // Deletes honour conditions too.
    let r = t
        .transact(vec![Write::Delete {
            pk: "T#1".into(),
            sk: "M#1".into(),
            condition: Condition::Version(1),
        }])
        .await;
    assert_eq!(r, Err(TableError::ConditionFailed { index: 0 }));
    t.transact(vec![Write::Delete {
        pk: "T#1".into(),
        sk: "M#1".into(),
        condition: Condition::Version(2),
    }])
    .await
    .unwrap();
    assert_eq!(t.get("T#1", "M#1").await.unwrap(), None);
    t.transact(vec![Write::Delete {
        pk: "T#1".into(),
        sk: "gone".into(),
        condition: Condition::None,
    }])
    .await
    .unwrap();
}

async fn counters_add_up_from_nothing(t: Arc<dyn Table>) {
    let add = |deltas: Vec<(&str, i64)>| {
        Write::add(
            "T#1".into(),
            "C#3".into(),
            deltas
                .into_iter()
                .map(|(f, d)| (f.to_string(), d))
                .collect(),
        )
    };
    t.transact(vec![add(vec![("invited", 1)])]).await.unwrap();
    t.transact(vec![add(vec![("invited", 1)])]).await.unwrap();
    t.transact(vec![add(vec![("invited", -1), ("active", 1)])])
        .await
        .unwrap();
    let got = t.get("T#1", "C#3").await.unwrap().unwrap();
    assert_eq!(
        (got.body["invited"].as_i64(), got.body["active"].as_i64()),
        (Some(1), Some(1))
    );
}

async fn queries_page_by_prefix_in_both_directions(t: Arc<dyn Table>) {
    let mut writes = Vec::new();
    for i in 0..7 {
        writes.push(put(
            item("T#1", &format!("M#{i:02}"), 1, json!({"i": i})),
            Condition::None,
        ));
    }
    writes.push(put(item("T#1", "Q#ana#01", 1, json!({})), Condition::None));
    writes.push(put(item("T#1", "MX", 1, json!({})), Condition::None));
    writes.push(put(item("T#2", "M#00", 1, json!({})), Condition::None));
    t.transact(writes).await.unwrap();

    let q = |forward: bool, limit: usize, start_after: Option<String>| Query {
        pk: "T#1".into(),
        sk_prefix: "M#".into(),
        forward,
        limit,
        start_after,
        consistent: true,
    };
    let sks =
        |p: &invitations::ports::Page| p.items.iter().map(|i| i.sk.clone()).collect::<Vec<_>>();

    let first = t.query(&q(true, 3, None)).await.unwrap();
    assert_eq!(sks(&first), ["M#00", "M#01", "M#02"]);
    assert_eq!(first.last_sk.as_deref(), Some("M#02"));
    let second = t.query(&q(true, 3, first.last_sk.clone())).await.unwrap();
    assert_eq!(sks(&second), ["M#03", "M#04", "M#05"]);
    let third = t.query(&q(true, 3, second.last_sk.clone())).await.unwrap();
    assert_eq!(sks(&third), ["M#06"]);
    assert_eq!(third.last_sk, None, "a short page is the last");

    let back = t.query(&q(false, 4, None)).await.unwrap();
    assert_eq!(sks(&back), ["M#06", "M#05", "M#04", "M#03"]);
    let back2 = t.query(&q(false, 4, back.last_sk.clone())).await.unwrap();
    assert_eq!(sks(&back2), ["M#02", "M#01", "M#00"]);

    let all = t.query(&q(true, 100, None)).await.unwrap();
    assert_eq!(
        all.items.len(),
        7,
        "the prefix excludes MX and Q#, the partition excludes T#2"
    );
    let whole = t
        .query(&Query {
            pk: "T#1".into(),
            sk_prefix: String::new(),
            forward: true,
            limit: 100,
            start_after: None,
            consistent: true,
        })
        .await
        .unwrap();
    assert_eq!(whole.items.len(), 9);
    let none = t
        .query(&Query {
            pk: "T#9".into(),
            sk_prefix: "M#".into(),
            forward: true,
            limit: 10,
            start_after: None,
            consistent: true,
        })
        .await
        .unwrap();
    assert!(none.items.is_empty() && none.last_sk.is_none());
}

async fn expired_items_are_still_returned_so_the_service_must_check_expiry(t: Arc<dyn Table>) {
    let mut i = item(
        "TOK#abc",
        "TOKEN",
        1,
        json!({"expires_at": "2000-01-01T00:00:00Z"}),
    );
    i.expires_at = Some(946_684_800);
    t.transact(vec![put(i, Condition::NotExists)])
        .await
        .unwrap();
    assert!(t.get("TOK#abc", "TOKEN").await.unwrap().is_some());
}

async fn of_sixteen_concurrent_conditional_writes_exactly_one_wins(t: Arc<dyn Table>) {
    t.transact(vec![put(
        item("TOK#x", "TOKEN", 1, json!({"used": false})),
        Condition::NotExists,
    )])
    .await
    .unwrap();
    let attempts = (0..16).map(|n| {
        let t = t.clone();
        tokio::spawn(async move {
            t.transact(vec![
                put(
                    item("TOK#x", "TOKEN", 2, json!({"used": true, "by": n})),
                    Condition::Version(1),
                ),
                put(
                    item("T#1", &format!("M#{n}"), 1, json!({})),
                    Condition::NotExists,
                ),
            ])
            .await
        })
    });
    let results: Vec<_> = futures::future::join_all(attempts)
        .await
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
    let wins = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(wins, 1, "{results:?}");
    for r in results.iter().filter(|r| r.is_err()) {
        assert!(
            matches!(
                r,
                Err(TableError::ConditionFailed { index: 0 }) | Err(TableError::Throttled)
            ),
            "{r:?}"
        );
    }
    let members = t
        .query(&Query {
            pk: "T#1".into(),
            sk_prefix: "M#".into(),
            forward: true,
            limit: 100,
            start_after: None,
            consistent: true,
        })
        .await
        .unwrap();
    assert_eq!(
        members.items.len(),
        1,
        "only the winner's other writes exist"
    );
}

async fn rate_limit_counters_stop_at_their_ceiling_and_take_the_transaction_with_them(
    t: Arc<dyn Table>,
) {
    let bump = || Write::Bump {
        pk: "RL#to#ana".into(),
        sk: "2026-11-24".into(),
        field: "count",
        by: 1,
        max: 3,
        expires_at: 1_795_600_000,
    };
    for _ in 0..3 {
        t.transact(vec![bump()]).await.unwrap();
    }
    let r = t
        .transact(vec![
            put(item("T#1", "M#over", 1, json!({})), Condition::NotExists),
            bump(),
        ])
        .await;
    assert_eq!(r, Err(TableError::ConditionFailed { index: 1 }));
    assert_eq!(
        t.get("T#1", "M#over").await.unwrap(),
        None,
        "nothing else was written"
    );
    let counter = t.get("RL#to#ana", "2026-11-24").await.unwrap().unwrap();
    assert_eq!(
        (counter.body["count"].as_i64(), counter.expires_at),
        (Some(3), Some(1_795_600_000))
    );
}

async fn a_counter_with_a_ceiling_refuses_past_it_and_drops_the_fields_named(t: Arc<dyn Table>) {
    // A counter shard: status counts, and an inviter's invitees of two days.
    let add = |field: &str, max: i64, remove: Vec<String>| Write::Add {
        pk: "T#1".into(),
        sk: "C#5".into(),
        deltas: vec![("invited".into(), 1), (field.into(), 1)],
        ceiling: Some(Ceiling {
            field: field.into(),
            max,
        }),
        remove,
    };
    t.transact(vec![add("i#2026-11-30#u", 5, vec![])])
        .await
        .unwrap();
    for _ in 0..2 {
        t.transact(vec![add("i#2026-12-01#u", 2, vec![])])
            .await
            .unwrap();
    }
    let r = t
        .transact(vec![
            put(item("T#1", "M#over", 1, json!({})), Condition::NotExists),
            add("i#2026-12-01#u", 2, vec![]),
        ])
        .await;
    assert_eq!(r, Err(TableError::ConditionFailed { index: 1 }));
    assert_eq!(
        t.get("T#1", "M#over").await.unwrap(),
        None,
        "nothing else was written"
    );
    let shard = t.get("T#1", "C#5").await.unwrap().unwrap();
    assert_eq!(
        (
            shard.body["invited"].as_i64(),
            shard.body["i#2026-11-30#u"].as_i64(),
            shard.body["i#2026-12-01#u"].as_i64()
        ),
        (Some(3), Some(1), Some(2)),
        "the refused add changed nothing"
    );
    t.transact(vec![add(
        "i#2026-12-02#u",
        2,
        vec!["i#2026-11-30#u".into(), "i#2026-12-01#u".into()],
    )])
    .await
    .unwrap();
    let shard = t.get("T#1", "C#5").await.unwrap().unwrap();
    assert_eq!(shard.body["invited"].as_i64(), Some(4));
    assert_eq!(shard.body["i#2026-12-02#u"].as_i64(), Some(1));
    assert!(
        shard.body.get("i#2026-11-30#u").is_none() && shard.body.get("i#2026-12-01#u").is_none(),
        "the fields of earlier days are gone: {}",
        shard.body.value()
    );
}

async fn an_eventually_consistent_read_sees_what_was_written(t: Arc<dyn Table>) {
    t.transact(vec![put(
        item("T#1", "TENANT", 1, json!({"name": "Sol"})),
        Condition::None,
    )])
    .await
    .unwrap();
    let got = t.get_eventual("T#1", "TENANT").await.unwrap().unwrap();
    assert_eq!(got.body["name"], "Sol");
    assert_eq!(t.get_eventual("T#1", "nothing").await.unwrap(), None);
    let page = t
        .query(&Query {
            pk: "T#1".into(),
            sk_prefix: "TEN".into(),
            forward: false,
            limit: 10,
            start_after: None,
            consistent: false,
        })
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
}
/// The audit trail reads newest first from an `until` bound: a key that is no item's. Both
/// tables continue after it as after an item's, in either direction; and a change written with
/// its entry in one transaction whose other write fails leaves neither.
async fn a_query_continues_after_a_key_that_is_no_item_s(t: Arc<dyn Table>) {
    let at = |minute: u32| format!("E#2026-12-05T10:{minute:02}:00.000000Z#id{minute}");
    t.transact(
        [1, 3, 5, 7]
            .iter()
            .map(|m| {
                put(
                    item("AUDIT#1", &at(*m), 1, json!({"m": m})),
                    Condition::None,
                )
            })
            .collect(),
    )
    .await
    .unwrap();
    let page = |forward, start_after: &str| Query {
        pk: "AUDIT#1".into(),
        sk_prefix: "E#".into(),
        forward,
        limit: 10,
        start_after: Some(start_after.to_string()),
        consistent: true,
    };
    let sks = |p: invitations::ports::Page| p.items.into_iter().map(|i| i.sk).collect::<Vec<_>>();
    // Until 10:05 inclusive: `#~` sorts after every id of that time.
    let until = "E#2026-12-05T10:05:00.000000Z#~";
    assert_eq!(
        sks(t.query(&page(false, until)).await.unwrap()),
        [at(5), at(3), at(1)]
    );
    let between = "E#2026-12-05T10:04:00.000000Z";
    assert_eq!(
        sks(t.query(&page(false, between)).await.unwrap()),
        [at(3), at(1)]
    );
    assert_eq!(
        sks(t.query(&page(true, between)).await.unwrap()),
        [at(5), at(7)]
    );

    // A member written with its entry, the entry's transaction failing on the member's
    // condition: neither is there.
    let failed = t
        .transact(vec![
            put(
                item("T#1", "M#9", 1, json!({"n": 1})),
                Condition::Version(4),
            ),
            put(item("AUDIT#1", &at(9), 1, json!({"m": 9})), Condition::None),
        ])
        .await;
    assert!(failed.is_err());
    assert_eq!(t.get("T#1", "M#9").await.unwrap(), None);
    assert_eq!(t.get("AUDIT#1", &at(9)).await.unwrap(), None);
}

macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod in_memory {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $case() { super::$case(super::memory().await).await })*
        }
        mod dynamodb_on_moto {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $case() { super::$case(super::dynamodb().await).await })*
        }
    };
}

conformance!(
    a_counter_with_a_ceiling_refuses_past_it_and_drops_the_fields_named,
    an_eventually_consistent_read_sees_what_was_written,
    a_record_round_trips_with_its_version_ttl_and_body,
    not_exists_guards_uniqueness_and_a_failed_transaction_writes_nothing,
    version_conditions_make_read_modify_write_safe,
    counters_add_up_from_nothing,
    queries_page_by_prefix_in_both_directions,
    expired_items_are_still_returned_so_the_service_must_check_expiry,
    of_sixteen_concurrent_conditional_writes_exactly_one_wins,
    rate_limit_counters_stop_at_their_ceiling_and_take_the_transaction_with_them,
    a_query_continues_after_a_key_that_is_no_item_s,
);
