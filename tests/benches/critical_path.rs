//! The bench's fourth part, the critical path on AWS: each operation through the release
//! bootstrap of the function that serves it, warm, with every AWS call going through a proxy in
//! front of moto that waits a fixed delay before forwarding it (`tests/support/delay_proxy.rs`),
//! as a call within a region costs a round trip. From the proxy's record of an invocation: the
//! calls made one after another (the critical path); and the invocations' times with the delay
//! and without it, alternately.

use std::fmt::Write as _;
use std::time::Duration;

use serde_json::{Value, json};

use super::delay_proxy::DelayProxy;
use super::helpers::token_in;
use super::lambda::{self, Started};
use super::report::Report;
use super::requests::{Sent, round_trips};
use super::{
    PASSWORD, api_event, bootstrap, cold_start, env_for, first_event, lambda_env_on, median, moto,
    ms, session_on,
};

/// Invocations timed per operation at each delay.
const ROUNDS: usize = 30;
/// The delay the proxy adds to every AWS call.
const DELAY: Duration = Duration::from_millis(5);

/// The functions measured here.
const MEASURED: [&str; 5] = ["invite", "accept", "list", "reinvite", "deactivate"];

/// One invocation: its time (event handed out → answer back, as the Runtime API sees it), its
/// answer and the AWS calls it made.
struct Timed {
    ms: f64,
    status: u64,
    body: Value,
    calls: Vec<Sent>,
}

/// One operation's figures.
struct Measured {
    name: &'static str,
    function: &'static str,
    /// The most round trips one after another it may take.
    target: usize,
    /// The critical path of each invocation at the delay.
    paths: Vec<usize>,
    /// The calls of one invocation at the delay whose path is the median's, by round trip (each
    /// round trip's operations sorted).
    chain: Vec<Vec<String>>,
    delayed_ms: Vec<f64>,
    direct_ms: Vec<f64>,
    /// The longest AWS call of each invocation without the delay: operation, ms.
    slowest: Vec<(String, f64)>,
}

impl Measured {
    fn new(name: &'static str, function: &'static str, target: usize) -> Self {
        Measured {
            name,
            function,
            target,
            paths: Vec::new(),
            chain: Vec::new(),
            delayed_ms: Vec::new(),
            direct_ms: Vec::new(),
            slowest: Vec::new(),
        }
    }

    /// The longest call of the median invocation without the delay: "Query, 12.3 ms".
    fn slowest_call(&self) -> String {
        let mut slowest = self.slowest.clone();
        slowest.sort_by(|a, b| a.1.total_cmp(&b.1));
        slowest
            .get(slowest.len() / 2)
            .map_or_else(String::new, |(op, ms)| format!("{op}, {ms:.1} ms"))
    }

    /// The critical path by service: "DynamoDB 3 → SES 1".
    fn services(&self) -> String {
        let mut runs: Vec<(String, usize)> = Vec::new();
        for step in &self.chain {
            let mut services: Vec<&str> = step.iter().map(|op| service(op)).collect();
            services.dedup();
            let services = services.join(" + ");
            match runs.last_mut() {
                Some((last, n)) if *last == services => *n += 1,
                _ => runs.push((services, 1)),
            }
        }
        let runs: Vec<String> = runs.iter().map(|(s, n)| format!("{s} {n}")).collect();
        runs.join(" → ")
    }

    fn path(&self) -> usize {
        let mut paths = self.paths.clone();
        paths.sort_unstable();
        paths.get(paths.len() / 2).copied().unwrap_or(0)
    }
}

/// The operations of `calls` by round trip, each round trip's sorted.
fn levels(calls: &[Sent]) -> Vec<Vec<String>> {
    let depth = round_trips(calls);
    let longest = depth.iter().copied().max().unwrap_or(0);
    (1..=longest)
        .map(|level| {
            let mut ops: Vec<String> = calls
                .iter()
                .zip(&depth)
                .filter(|(_, d)| **d == level)
                .map(|(c, _)| c.operation.clone())
                .collect();
            ops.sort_unstable();
            ops
        })
        .collect()
}

/// Round trips one after another, as text: "GetItem ×2 → Query".
fn chain_text(levels: &[Vec<String>]) -> String {
    let steps: Vec<String> = levels
        .iter()
        .map(|ops| {
            let mut counted: Vec<(&str, usize)> = Vec::new();
            for op in ops {
                match counted.last_mut() {
                    Some((last, n)) if last == op => *n += 1,
                    _ => counted.push((op, 1)),
                }
            }
            let counted: Vec<String> = counted
                .into_iter()
                .map(|(op, n)| match n {
                    1 => op.to_string(),
                    n => format!("{op} ×{n}"),
                })
                .collect();
            counted.join(" + ")
        })
        .collect();
    steps.join(" → ")
}

/// The AWS service an operation belongs to.
fn service(operation: &str) -> &'static str {
    match operation {
        "SendEmail" => "SES",
        "Publish" => "SNS",
        "GetSecretValue" => "Secrets Manager",
        op if op.ends_with("Schedule") || op.ends_with("Schedules") => "Scheduler",
        _ => "DynamoDB",
    }
}

/// How long a call took through the proxy, in ms.
fn call_ms(call: &Sent) -> Option<f64> {
    Some(ms(call.answered_at?.duration_since(call.sent_at)))
}

/// The measuring setup: the proxy, the functions started behind it, an admin's session.
struct Bench {
    proxy: DelayProxy,
    functions: Vec<(&'static str, Started)>,
    session: String,
    tenant: String,
}

/// The delays of one operation's invocations: a warm-up (`None`, not counted), then the delay and
/// none alternately, so that drift of the machine and of moto touches both alike.
fn delays() -> impl Iterator<Item = Option<Duration>> {
    std::iter::once(None).chain((0..2 * ROUNDS).map(|i| Some(DELAY * (i % 2 == 0) as u32)))
}

impl Bench {
    async fn start() -> Bench {
        let table = moto::fresh_table();
        let env = lambda_env_on("bench", &table).await;
        let secret = lambda::signing_key_secret().await;
        let (session, tenant) = session_on(&table, &env_for(&env, "sessions", &secret)).await;
        let proxy = DelayProxy::start(&moto::endpoint(), DELAY).await;
        let behind_proxy: Vec<(String, String)> = env
            .into_iter()
            .map(|(k, v)| {
                let v = if k == "AWS_ENDPOINT_URL" {
                    proxy.endpoint.clone()
                } else {
                    v
                };
                (k, v)
            })
            .collect();
        let mut functions = Vec::new();
        for name in MEASURED.into_iter().chain(["deliver"]) {
            let env = env_for(&behind_proxy, name, &secret);
            let (_, f) = cold_start(&bootstrap(name), &env, first_event(name)).await;
            functions.push((name, f));
        }
        Bench {
            proxy,
            functions,
            session,
            tenant,
        }
    }

    /// Hands `event` to `function` with the proxy at `delay`.
    async fn call(&mut self, function: &str, delay: Duration, event: Value) -> Timed {
        let (_, f) = self
            .functions
            .iter_mut()
            .find(|(name, _)| *name == function)
            .expect("a started function");
        self.proxy.set_delay(delay);
        self.proxy.log.take();
        let id = uuid::Uuid::now_v7().to_string();
        let t = std::time::Instant::now();
        let answer = f
            .invoke(&id, event)
            .await
            .unwrap_or_else(|| panic!("{function} did not answer"));
        let elapsed = ms(t.elapsed());
        let body = answer["body"]
            .as_str()
            .and_then(|b| serde_json::from_str(b).ok())
            .unwrap_or(Value::Null);
        Timed {
            ms: elapsed,
            status: answer["statusCode"].as_u64().unwrap_or(0),
            body,
            calls: self.proxy.log.take(),
        }
    }

    /// Invokes `m`'s function at `delay` (`None`: warm-up, not counted) and counts the
    /// invocation, which must answer `status`.
    async fn measure(
        &mut self,
        m: &mut Measured,
        delay: Option<Duration>,
        event: Value,
        status: u64,
    ) -> Timed {
        let timed = self.call(m.function, delay.unwrap_or(DELAY), event).await;
        assert_eq!(timed.status, status, "{}: {}", m.name, timed.body);
        match delay {
            Some(d) if d.is_zero() => {
                m.direct_ms.push(timed.ms);
                let slowest = timed
                    .calls
                    .iter()
                    .filter_map(|c| Some((c.operation.clone(), call_ms(c)?)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                m.slowest.extend(slowest);
            }
            Some(_) => {
                let path = round_trips(&timed.calls).into_iter().max().unwrap_or(0);
                m.paths.push(path);
                m.delayed_ms.push(timed.ms);
                // Kept while it is the median's (paths are the same in every invocation when
                // nothing raced).
                if m.chain.is_empty() || path == m.path() {
                    m.chain = levels(&timed.calls);
                }
            }
            None => {}
        }
        timed
    }

    fn invitation(&self, email: &str) -> Value {
        api_event(
            "POST",
            &format!("/v1/tenants/{}/invitations", self.tenant),
            Some(json!({"email": email, "first_name": "Ana", "last_name": "Ruiz", "role": "user"})),
            &self.session,
        )
    }

    fn action(&self, user: &str, verb: &str) -> Value {
        api_event(
            "POST",
            &format!("/v1/tenants/{}/users/{user}/{verb}", self.tenant),
            None,
            &self.session,
        )
    }

    fn get(&self, path: &str, query: &str) -> Value {
        let mut e = api_event(
            "GET",
            &format!("/v1/tenants/{}/{path}", self.tenant),
            None,
            &self.session,
        );
        e["rawQueryString"] = json!(query);
        let params: serde_json::Map<String, Value> = query
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        e["queryStringParameters"] = Value::Object(params);
        e
    }
}

/// The accept link emailed by an invocation (from the SES request that went through the proxy).
fn emailed_token(calls: &[Sent]) -> String {
    let email = calls
        .iter()
        .find(|c| c.operation == "SendEmail")
        .unwrap_or_else(|| panic!("no email sent: {:?}", ops(calls)));
    token_in(&email.body)
}

fn ops(calls: &[Sent]) -> Vec<&str> {
    calls.iter().map(|c| c.operation.as_str()).collect()
}

fn id_of(member: &Value) -> String {
    member["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no member id: {member}"))
        .to_string()
}

pub async fn measure(report: &mut Report) {
    for name in MEASURED {
        assert!(
            bootstrap(name).exists(),
            "{} is missing: `make bench` builds it",
            bootstrap(name).display()
        );
    }
    let mut b = Bench::start().await;
    // Every call's time through the proxy, with the delay and without.
    let mut per_call: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    let mut note_calls = |t: &Timed, delay: Option<Duration>| {
        if let Some(d) = delay {
            per_call[usize::from(d.is_zero())].extend(t.calls.iter().filter_map(call_ms));
        }
    };

    // Invite one member by email; each invitation's link is then accepted.
    let mut invite = Measured::new("invite (one member, by email)", "invite", 3);
    let mut deliver = Measured::new(
        "deliver (the invitation's email, off the request path)",
        "deliver",
        5,
    );
    let mut tokens = Vec::new();
    for (i, delay) in delays().enumerate() {
        let e = b.invitation(&format!("critical-{i}@bench.example"));
        let t = b.measure(&mut invite, delay, e, 201).await;
        note_calls(&t, delay);
        // The table's stream hands the invitation's outbox entry to `deliver`, which emails it.
        let record = lambda::outbox_record(&b.tenant, &id_of(&t.body), "email");
        let d = b.measure(&mut deliver, delay, record, 0).await;
        tokens.push(emailed_token(&d.calls));
    }

    // Accept by a new person (a new profile, its password hashed with Argon2id); each new
    // member is then deactivated.
    let mut accept = Measured::new("accept (a new person's link)", "accept", 2);
    let mut accepted = Vec::new();
    for (token, delay) in tokens.into_iter().zip(delays()) {
        let e = lambda::event(
            "POST",
            "/v1/invitations/accept",
            Some(
                json!({"token": token, "first_name": "New", "last_name": "Member",
                        "password": PASSWORD}),
            ),
            json!({"content-type": "application/json"}),
        );
        let t = b.measure(&mut accept, delay, e, 200).await;
        note_calls(&t, delay);
        accepted.push(id_of(&t.body["member"]));
    }

    let mut deactivate = Measured::new("deactivate", "deactivate", 2);
    for (user, delay) in accepted.into_iter().zip(delays()) {
        let e = b.action(&user, "deactivate");
        let t = b.measure(&mut deactivate, delay, e, 200).await;
        note_calls(&t, delay);
    }

    // Reinvite: each time a member invited for it (through the invite function, not timed).
    let mut pending = Vec::new();
    for i in 0..delays().count() {
        let e = b.invitation(&format!("pending-{i}@bench.example"));
        let t = b.call("invite", Duration::ZERO, e).await;
        assert_eq!(t.status, 201, "{}", t.body);
        pending.push(id_of(&t.body));
    }
    let mut reinvite = Measured::new("reinvite", "reinvite", 2);
    for (user, delay) in pending.into_iter().zip(delays()) {
        let e = b.action(&user, "reinvite");
        let t = b.measure(&mut reinvite, delay, e, 200).await;
        note_calls(&t, delay);
    }

    // A list page and the stats, the tenant by now having more members than a page holds.
    let mut list = Measured::new("list page (limit 50)", "list", 1);
    for delay in delays() {
        let e = b.get("users", "limit=50");
        let t = b.measure(&mut list, delay, e, 200).await;
        note_calls(&t, delay);
        let items = t.body["items"].as_array().map_or(0, Vec::len);
        assert_eq!(items, 50, "a full page: {}", t.body);
    }
    let mut stats = Measured::new("stats", "list", 1);
    for delay in delays() {
        let e = b.get("stats", "");
        let t = b.measure(&mut stats, delay, e, 200).await;
        note_calls(&t, delay);
    }

    let [delayed_call, direct_call] = per_call.map(median);
    let added = delayed_call - direct_call;
    let measured = [invite, deliver, accept, list, stats, reinvite, deactivate];
    let delay = DELAY.as_millis();
    let mut t = format!(
        "### Critical path on AWS\n\n\
         Release bootstraps under a Runtime API on loopback, against moto behind a proxy that \
         adds {delay} ms to every AWS call.\n\n\
         | operation | sequential AWS round trips (critical path) | target | p50 at {delay} ms injected delay | p50 without delay | the round trips, one after another | longest call without delay (median) |\n\
         | --- | --- | ---: | ---: | ---: | --- | --- |\n"
    );
    for m in &measured {
        let (min, max) = (
            m.paths.iter().min().copied().unwrap_or(0),
            m.paths.iter().max().copied().unwrap_or(0),
        );
        let range = if min == max {
            String::new()
        } else {
            format!(", from {min} to {max}")
        };
        let _ = writeln!(
            t,
            "| {} (`{}`) | {} ({}{range}) | {} | {:.1} ms | {:.1} ms | {} | {} |",
            m.name,
            m.function,
            m.path(),
            m.services(),
            m.target,
            median(m.delayed_ms.clone()),
            median(m.direct_ms.clone()),
            chain_text(&m.chain),
            m.slowest_call()
        );
    }
    let _ = writeln!(
        t,
        "\nEach operation through the release bootstrap of the function that serves it, under the \
         Runtime API on loopback, warm (one warm-up invocation after a cold start on `/healthz`): \
         {ROUNDS} invocations with the delay and {ROUNDS} without, alternately. p50: the median \
         time from the event handed out to the answer back. Round trips: the longest chain of AWS \
         calls each sent after the one before it was answered, from the proxy's record of when \
         each call came and when its answer went back, in the invocations with the delay (the \
         median's; calls sent at once are joined with +). Every AWS call goes through the proxy, \
         with the delay or without: a call took a median {delayed_call:.2} ms through it with the \
         delay, {direct_call:.2} ms without (the delay adds {added:.2} ms as the clock sees it, \
         the timer's granularity included).\n\n\
         moto, not the delay, makes the p50s: a TransactWriteItems on moto copies the whole \
         table first (to roll back) and a Query goes through every item of the table, so both take \
         longer as the table grows, up to hundreds of ms here, where DynamoDB in a region answers \
         in a few. The round trips are the figure to compare with AWS, where each costs about \
         what the delay stands for. An invitation's email is not on the request path: invite and \
         reinvite write it to the outbox in their one transaction, and the table's stream hands \
         it to `deliver` (its row: the entry and the member read at once, the address's suppression entry, the claim that stores \
         the link's token, SendEmail, the outcome written on the member).\n\n\
         Fixtures: each accept takes a link emailed by `deliver` for one of the invitations timed \
         above (handed the stream record of its outbox entry; the link read from the SES request \
         that went through the proxy), each deactivate one of the members \
         those accepts made, each reinvite a member invited for it through `invite`; the list \
         page and the stats are read once the tenant has more members than a page holds."
    );
    report.section(t);
    for m in &measured {
        let path = m.path();
        report.check(
            &format!("{}: sequential AWS round trips", m.name),
            format!(
                "{path} ({}; p50 {:.1} ms at {delay} ms per call)",
                m.services(),
                median(m.delayed_ms.clone())
            ),
            &format!("≤ {}", m.target),
            path <= m.target,
        );
    }
}
