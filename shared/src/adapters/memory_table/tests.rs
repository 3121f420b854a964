use super::*;

fn put(sk: &str) -> Write {
    Write::Put {
        item: Item {
            pk: "P".into(),
            sk: sk.into(),
            version: 1,
            expires_at: None,
            body: serde_json::json!({"n": 1}).into(),
        },
        condition: Condition::NotExists,
    }
}

#[tokio::test]
async fn a_failed_journal_write_fails_the_transaction_and_every_later_change() {
    // Every write to /dev/full fails (ENOSPC), as on a full disk.
    let full = OpenOptions::new().write(true).open("/dev/full").unwrap();
    let table = MemoryTable {
        state: RwLock::new(State::default()),
        journal: Some(Journal::new(full)),
        journal_failed: AtomicBool::new(false),
    };
    let first = table.transact(vec![put("a")]).await;
    assert!(
        matches!(first, Err(TableError::Unavailable(_))),
        "{first:?}"
    );
    let later = table.transact(vec![put("b")]).await;
    assert!(matches!(later, Err(TableError::Unavailable(ref m)) if m.contains("restart")));
    assert!(
        table.get("P", "b").await.unwrap().is_none(),
        "nothing later is applied"
    );
}

#[tokio::test]
async fn a_partition_of_one_item_grows_into_many_and_shrinks_away() {
    let table = MemoryTable::new();
    let query = |prefix: &str, forward: bool, after: Option<&str>| Query {
        pk: "P".into(),
        sk_prefix: prefix.into(),
        forward,
        limit: 10,
        start_after: after.map(String::from),
        consistent: true,
    };
    let sks = |page: Page| page.items.into_iter().map(|i| i.sk).collect::<Vec<_>>();
    table.transact(vec![put("b")]).await.unwrap();
    assert!(table.get("P", "b").await.unwrap().is_some());
    assert!(table.get("P", "a").await.unwrap().is_none());
    assert_eq!(
        sks(table.query(&query("", false, None)).await.unwrap()),
        ["b"]
    );
    assert_eq!(
        sks(table.query(&query("a", true, None)).await.unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(
        sks(table.query(&query("", true, Some("b"))).await.unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(
        sks(table.query(&query("", true, Some("a"))).await.unwrap()),
        ["b"]
    );
    // A second item: both kept, in order, either way.
    table.transact(vec![put("a"), put("c")]).await.unwrap();
    assert_eq!(
        sks(table.query(&query("", true, None)).await.unwrap()),
        ["a", "b", "c"]
    );
    assert_eq!(
        sks(table.query(&query("", false, Some("c"))).await.unwrap()),
        ["b", "a"]
    );
    // A write to the one item replaces it; deleting every item removes the partition.
    let table = MemoryTable::new();
    table.transact(vec![put("a")]).await.unwrap();
    let replace = Write::Put {
        item: Item {
            pk: "P".into(),
            sk: "a".into(),
            version: 2,
            expires_at: None,
            body: serde_json::json!({"n": 2}).into(),
        },
        condition: Condition::Version(1),
    };
    table.transact(vec![replace]).await.unwrap();
    assert_eq!(table.get("P", "a").await.unwrap().unwrap().version, 2);
    let delete = |sk: &str| Write::Delete {
        pk: "P".into(),
        sk: sk.into(),
        condition: Condition::None,
    };
    table.transact(vec![delete("z")]).await.unwrap();
    assert!(
        table.get("P", "a").await.unwrap().is_some(),
        "another key's delete"
    );
    table.transact(vec![delete("a")]).await.unwrap();
    assert!(table.shared_state().partitions.is_empty());
    table.transact(vec![put("x"), put("y")]).await.unwrap();
    table
        .transact(vec![delete("x"), delete("y")])
        .await
        .unwrap();
    assert!(table.shared_state().partitions.is_empty());
}

#[tokio::test]
async fn a_body_shared_by_items_is_journaled_once_and_shared_again_after_a_restart() {
    let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("table.jsonl");
    // A line written before bodies were shared: every body in full.
    std::fs::write(
        &path,
        "[{\"pk\":\"P\",\"sk\":\"old\",\"item\":{\"version\":3,\"body\":{\"n\":3}}}]\n",
    )
    .unwrap();
    let table = MemoryTable::open(&path).unwrap();
    let body = Body::of(&serde_json::json!({"name": "Ana", "marker": "shared-body"})).unwrap();
    let put = |sk: &str| Write::Put {
        item: Item {
            pk: "P".into(),
            sk: sk.into(),
            version: 1,
            expires_at: Some(7),
            body: body.clone(),
        },
        condition: Condition::NotExists,
    };
    table
        .transact(vec![put("a"), put("b"), put("c")])
        .await
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let last = text.lines().last().unwrap();
    assert_eq!(last.matches("shared-body").count(), 1, "{last}");
    drop(table);
    let reopened = MemoryTable::open(&path).unwrap();
    let get = |sk: &'static str| {
        let t = &reopened;
        async move { t.get("P", sk).await.unwrap().unwrap() }
    };
    let (a, c, old) = (get("a").await, get("c").await, get("old").await);
    assert_eq!(
        (a.body["name"].as_str(), c.expires_at),
        (Some("Ana"), Some(7))
    );
    assert_eq!(
        a.body.identity(),
        c.body.identity(),
        "one body in memory again"
    );
    assert_eq!((old.version, old.body["n"].as_i64()), (3, Some(3)));
    // Compacted at the restart: still one copy of the body.
    let compacted = std::fs::read_to_string(&path).unwrap();
    assert_eq!(compacted.matches("shared-body").count(), 1, "{compacted}");
    let _ = std::fs::remove_dir_all(dir);
}

/// A journal line putting `P`/`sk` with `body`.
fn journal_line(sk: &str, body: &str) -> String {
    format!("[{{\"pk\":\"P\",\"sk\":\"{sk}\",\"item\":{{\"version\":1,\"body\":{body}}}}}]\n")
}

/// A journal file holding `bytes`, in a folder of its own.
fn journal_of(bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("table.jsonl");
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
async fn a_journal_with_an_unreadable_line_before_others_refuses_to_open_and_names_the_line() {
    let first = journal_line("a", "{\"n\":1}");
    let last = journal_line("c", "{\"n\":3}");
    let damaged = journal_line("b", "{\"name\":\"José\"}");
    let inside_e = damaged.find('é').unwrap() + 1;
    for (damaged, why) in [
        (&damaged.as_bytes()[..20], "cut short"),
        (&damaged.as_bytes()[..inside_e], "cut inside a character"),
    ] {
        let journal = [first.as_bytes(), damaged, b"\n", last.as_bytes()].concat();
        let path = journal_of(&journal);
        let refused = MemoryTable::open(&path).err().expect(why);
        assert_eq!(refused.kind(), std::io::ErrorKind::InvalidData, "{why}");
        let corrupt = refused
            .get_ref()
            .and_then(|e| e.downcast_ref::<CorruptJournal>())
            .expect(why);
        assert_eq!(corrupt.line, 2, "{why}: {refused}");
        assert!(refused.to_string().contains("line 2"), "{refused}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            journal,
            "{why}: the journal is left as it was"
        );
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}

#[tokio::test]
async fn a_torn_last_journal_line_is_skipped_and_every_line_before_it_kept() {
    let kept = [
        journal_line("a", "{\"n\":1}"),
        journal_line("b", "{\"n\":2}"),
    ]
    .concat();
    let torn_line = journal_line("c", "{\"name\":\"José\"}");
    let inside_e = torn_line.find('é').unwrap() + 1;
    for (torn, why) in [
        (&torn_line.as_bytes()[..20], "cut short"),
        (&torn_line.as_bytes()[..inside_e], "cut inside a character"),
        (
            &torn_line.as_bytes()[..torn_line.len() - 1],
            "all but its newline",
        ),
        (b"[{\"pk\":\"P\",\n".as_slice(), "unreadable though ended"),
    ] {
        let path = journal_of(&[kept.as_bytes(), torn].concat());
        let table = MemoryTable::open(&path).expect(why);
        for (sk, n) in [("a", 1), ("b", 2)] {
            let item = table.get("P", sk).await.unwrap().expect(why);
            assert_eq!(item.body["n"].as_i64(), Some(n), "{why}");
        }
        assert!(table.get("P", "c").await.unwrap().is_none(), "{why}");
        drop(table);
        assert!(MemoryTable::open(&path).is_ok(), "{why}: opens again");
        let _ = std::fs::remove_dir_all(path.parent().unwrap());
    }
}

#[tokio::test]
async fn a_line_waits_for_the_lines_before_it_and_is_written_by_whoever_comes_next() {
    let path = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
    let journal = std::sync::Arc::new(Journal::new(File::create(&path).unwrap()));
    let record = |n: u64, line: Option<&'static str>| {
        let journal = journal.clone();
        tokio::spawn(async move { journal.record(n, line.map(|l| l.as_bytes().to_vec())).await })
    };
    let file = || std::fs::read_to_string(&path).unwrap();
    let two = record(2, Some("two\n"));
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    assert!(!two.is_finished(), "line 2 waits for line 1");
    assert_eq!(file(), "");
    assert!(record(1, Some("one\n")).await.unwrap());
    assert!(two.await.unwrap(), "written by whoever came next");
    assert_eq!(file(), "one\ntwo\n");
    // A line that could not be encoded fails from there on; nothing after it is written.
    let four = record(4, Some("four\n"));
    assert!(!record(3, None).await.unwrap());
    assert!(!four.await.unwrap());
    assert!(!record(5, Some("five\n")).await.unwrap());
    assert_eq!(file(), "one\ntwo\n");
    let _ = std::fs::remove_file(path);
}

#[tokio::test]
async fn a_line_left_by_a_cancelled_transaction_is_written_by_the_one_waiting_for_it() {
    use futures::FutureExt as _;
    let path = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
    let journal = std::sync::Arc::new(Journal::new(File::create(&path).unwrap()));
    let two = tokio::spawn({
        let journal = journal.clone();
        async move { journal.record(2, Some(b"two\n".to_vec())).await }
    });
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    // Transaction 1 adds its line (and so line 2) to the batch, then is dropped before
    // writing it, as a request is when its client goes away.
    assert!(
        journal
            .record(1, Some(b"one\n".to_vec()))
            .now_or_never()
            .is_none()
    );
    let written = tokio::time::timeout(std::time::Duration::from_secs(5), two).await;
    assert!(
        matches!(written, Ok(Ok(true))),
        "line 2 still waits: {written:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "one\ntwo\n");
    let _ = std::fs::remove_file(path);
}

/// Adds one to the count in `P`/`c`, reading and writing it until no one came between;
/// the version committed.
async fn increment(table: &MemoryTable) -> u64 {
    loop {
        let current = table.get("P", "c").await.unwrap();
        let (version, n) = current
            .map(|i| (i.version, i.body["n"].as_i64().unwrap()))
            .unwrap_or((0, 0));
        let write = Write::Put {
            item: Item {
                pk: "P".into(),
                sk: "c".into(),
                version: version + 1,
                expires_at: None,
                body: serde_json::json!({ "n": n + 1 }).into(),
            },
            condition: if version == 0 {
                Condition::NotExists
            } else {
                Condition::Version(version)
            },
        };
        match table.transact(vec![write]).await {
            Ok(()) => return version + 1,
            Err(TableError::ConditionFailed { .. }) => tokio::task::yield_now().await,
            Err(e) => panic!("{e:?}"),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_commits_reach_the_journal_in_commit_order() {
    let dir = std::env::temp_dir().join(format!("journal-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("table.jsonl");
    let table = std::sync::Arc::new(MemoryTable::open(&path).unwrap());
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let table = table.clone();
            let path = path.clone();
            tokio::spawn(async move {
                for _ in 0..250 {
                    let version = increment(&table).await;
                    // Acknowledged means written, whoever wrote the line.
                    let text = std::fs::read_to_string(&path).unwrap();
                    assert!(
                        text.contains(&format!("\"version\":{version},\"body\"")),
                        "version {version} acknowledged before its line was written"
                    );
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    drop(table);
    // Each version of the count has its line, in the order the versions were committed.
    let versions: Vec<u64> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .flat_map(|l| read_line(l).unwrap())
        .filter_map(|e| e.item.map(|i| i.version))
        .collect();
    assert_eq!(versions, (1..=1000).collect::<Vec<u64>>());
    // Replayed, the journal ends where memory did.
    let reopened = MemoryTable::open(&path).unwrap();
    let item = reopened.get("P", "c").await.unwrap().unwrap();
    assert_eq!((item.version, item.body["n"].as_i64()), (1000, Some(1000)));
    let _ = std::fs::remove_dir_all(dir);
}
