//! `infra/` tells the truth: the SAM template, the OpenAPI contract and the routers serve the
//! same routes, and each function's policy grants only what it uses.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Method, Request};
use invitations::app::App;
use invitations::config::Config;
use invitations::http::{Function, function_router, local_router};
use serde_yaml::Value;
use tower::ServiceExt;

type Route = (String, String);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn yaml(path: &str) -> Value {
    serde_yaml::from_str(&std::fs::read_to_string(root().join(path)).expect(path))
        .expect("valid YAML")
}

/// The template's functions: name → (routes, actions its policy allows).
fn template_functions() -> BTreeMap<String, (BTreeSet<Route>, BTreeSet<String>)> {
    let template = yaml("infra/template.yaml");
    let mut out = BTreeMap::new();
    let mut sweeps = 0;
    for (_, resource) in template["Resources"].as_mapping().unwrap() {
        if resource["Type"] != "AWS::Serverless::Function" {
            continue;
        }
        let name = resource["Metadata"]["BuildProperties"]["Binary"]
            .as_str()
            .expect("a binary")
            .to_string();
        let mut routes = BTreeSet::new();
        if let Some(events) = resource["Properties"]["Events"].as_mapping() {
            for (_, e) in events {
                if e["Type"] == "DynamoDB" {
                    assert_eq!(name, "deliver", "only deliver reads the table's stream");
                    continue;
                }
                if e["Type"] == "ScheduleV2" {
                    assert_eq!(name, "deliver", "only deliver sweeps on a schedule");
                    assert_eq!(e["Properties"]["ScheduleExpression"], "rate(5 minutes)");
                    sweeps += 1;
                    continue;
                }
                if e["Type"] == "SNS" {
                    assert_eq!(name, "events", "only events hears SES's events");
                    continue;
                }
                assert_eq!(e["Type"], "HttpApi");
                let p = &e["Properties"];
                routes.insert((
                    p["Method"].as_str().unwrap().to_uppercase(),
                    p["Path"].as_str().unwrap().to_string(),
                ));
            }
        }
        let mut actions = BTreeSet::new();
        for policy in resource["Properties"]["Policies"].as_sequence().unwrap() {
            for statement in policy["Statement"].as_sequence().unwrap() {
                assert_eq!(statement["Effect"], "Allow");
                match &statement["Action"] {
                    Value::String(a) => {
                        actions.insert(a.clone());
                    }
                    Value::Sequence(list) => {
                        actions.extend(list.iter().map(|a| a.as_str().unwrap().to_string()))
                    }
                    other => panic!("unexpected action {other:?}"),
                }
            }
        }
        out.insert(name, (routes, actions));
    }
    assert_eq!(
        sweeps, 1,
        "deliver sweeps the outbox for what the stream could not deliver"
    );
    out
}

fn openapi_routes() -> BTreeSet<Route> {
    let spec = yaml("infra/openapi.yaml");
    let mut out = BTreeSet::new();
    for (path, item) in spec["paths"].as_mapping().unwrap() {
        for (method, _) in item.as_mapping().unwrap() {
            out.insert((
                method.as_str().unwrap().to_uppercase(),
                path.as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

/// Whether `router` has a route for the request (rather than answering from its fallbacks).
async fn serves(router: axum::Router, (method, path): &Route) -> bool {
    let concrete = path
        .replace("{tenant}", &uuid::Uuid::now_v7().to_string())
        .replace("{user}", &uuid::Uuid::now_v7().to_string());
    let request = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(concrete)
        .body(Body::empty())
        .unwrap();
    let response = router.oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let problem: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let fallback =
        status == 405 || (status == 404 && problem["detail"] == "the route does not exist");
    !fallback
}

async fn app() -> std::sync::Arc<App> {
    let dir = std::env::temp_dir().join(format!("invitations-infra-{}", uuid::Uuid::now_v7()));
    App::build(Config::local(dir, "http://127.0.0.1:1"))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_template_the_openapi_contract_and_the_routers_serve_the_same_routes() {
    let functions = template_functions();
    let deployed: BTreeSet<Route> = functions
        .values()
        .flat_map(|(r, _)| r.iter().cloned())
        .collect();
    let documented = openapi_routes();
    let public: BTreeSet<Route> = documented
        .iter()
        .filter(|(_, p)| !p.starts_with("/dev/"))
        .cloned()
        .collect();
    assert_eq!(
        deployed, public,
        "template routes vs OpenAPI routes (without /dev/)"
    );

    let app = app().await;
    for (name, (routes, _)) in &functions {
        let Some(function) = Function::from_name(name) else {
            assert!(
                ["dispatch", "deliver", "events"].contains(&name.as_str()),
                "only dispatch, deliver and events have no HTTP router: {name}"
            );
            assert!(routes.is_empty());
            continue;
        };
        for route in &public {
            let own = routes.contains(route) || route.1 == "/healthz";
            assert_eq!(
                serves(function_router(function, app.clone()), route).await,
                own,
                "{name} and {route:?}"
            );
        }
        assert!(
            !serves(
                function_router(function, app.clone()),
                &("POST".into(), "/dev/tenants".into())
            )
            .await
        );
    }
    // The local server serves everything documented, /dev/ routes included.
    for route in &documented {
        assert!(
            serves(local_router(app.clone()), route).await,
            "local server: {route:?}"
        );
    }
}

#[tokio::test]
async fn each_function_is_granted_only_what_it_uses() {
    let functions = template_functions();
    let granted = |action: &str| -> BTreeSet<&str> {
        functions
            .iter()
            .filter(|(_, (_, a))| a.contains(action))
            .map(|(n, _)| n.as_str())
            .collect()
    };
    let set = |names: &[&'static str]| names.iter().copied().collect::<BTreeSet<&str>>();
    let (_, list) = &functions["list"];
    assert_eq!(
        list,
        &BTreeSet::from([
            "dynamodb:GetItem".to_string(),
            "dynamodb:PutItem".to_string(),
            "dynamodb:Query".to_string()
        ]),
        "list reads, and writes an export's audit entry"
    );
    // ... and nothing but audit entries: its one write is held to the trail's partitions.
    let template = yaml("infra/template.yaml");
    let statements =
        template["Resources"]["ListFunction"]["Properties"]["Policies"][0]["Statement"]
            .as_sequence()
            .unwrap();
    let put = statements
        .iter()
        .find(|s| s["Action"] == "dynamodb:PutItem")
        .expect("list's PutItem");
    assert_eq!(
        put["Condition"]["ForAllValues:StringLike"]["dynamodb:LeadingKeys"],
        serde_yaml::to_value(["AUDIT#*"]).unwrap(),
        "list writes only the audit trail"
    );
    assert_eq!(
        granted("ses:SendEmail"),
        set(&["deliver", "sessions"]),
        "email: invitations (through the outbox), reset links and sign-in codes"
    );
    assert_eq!(
        granted("secretsmanager:GetSecretValue"),
        set(&["accept", "sessions"]),
        "only the functions that issue sessions read the signing key"
    );
    assert_eq!(
        granted("sns:Publish"),
        set(&["deliver", "sessions"]),
        "SMS: invitations (through the outbox) and sign-up codes"
    );
    assert_eq!(granted("scheduler:CreateSchedule"), set(&["invite"]));
    assert_eq!(granted("iam:PassRole"), set(&["invite"]));
    assert_eq!(
        granted("scheduler:DeleteSchedule"),
        set(&["deactivate", "invite", "reinvite"])
    );
    for (name, (_, actions)) in &functions {
        assert!(
            !actions.iter().any(|a| a.contains('*')),
            "{name}: no wildcard actions"
        );
        assert!(!actions.contains("dynamodb:Scan"), "{name}: never a Scan");
    }
}

/// The private key never lands in a function's environment; the issuing functions name the
/// secret (read at cold start), every function holds the public key.
#[test]
fn only_the_functions_that_issue_sessions_can_reach_the_private_key() {
    let template = yaml("infra/template.yaml");
    let text = std::fs::read_to_string(root().join("infra/template.yaml")).unwrap();
    assert!(
        !text.contains("resolve:secretsmanager"),
        "no dynamic reference puts the key into an environment"
    );
    let globals = &template["Globals"]["Function"]["Environment"]["Variables"];
    assert!(globals.get("SESSION_SIGNING_KEY").is_none());
    assert!(globals.get("SESSION_SIGNING_KEY_SECRET_ARN").is_none());
    assert!(globals.get("SESSION_VERIFYING_KEY").is_some());
    let mut naming = BTreeSet::new();
    for (_, resource) in template["Resources"].as_mapping().unwrap() {
        if resource["Type"] != "AWS::Serverless::Function" {
            continue;
        }
        let name = resource["Metadata"]["BuildProperties"]["Binary"]
            .as_str()
            .unwrap()
            .to_string();
        let vars = &resource["Properties"]["Environment"]["Variables"];
        assert!(vars.get("SESSION_SIGNING_KEY").is_none(), "{name}");
        if vars.get("SESSION_SIGNING_KEY_SECRET_ARN").is_some() {
            naming.insert(name);
        }
    }
    assert_eq!(
        naming,
        BTreeSet::from(["accept".to_string(), "sessions".to_string()])
    );
    // And those are the functions whose routes issue sessions.
    for function in Function::ALL {
        let issues = matches!(function, Function::Accept | Function::Sessions);
        assert_eq!(
            naming.contains(function.name()),
            issues,
            "{}",
            function.name()
        );
    }
}

#[test]
fn cloudfront_serves_the_pages_with_the_local_server_s_policy_and_no_referrer() {
    let template = yaml("infra/template.yaml");
    let headers = &template["Resources"]["WebHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]
        ["SecurityHeadersConfig"];
    assert_eq!(
        headers["ContentSecurityPolicy"]["ContentSecurityPolicy"].as_str(),
        Some(invitations::http::pages::PAGE_CSP),
        "the deployed pages carry the same Content-Security-Policy as the local ones"
    );
    assert_eq!(
        headers["ReferrerPolicy"]["ReferrerPolicy"].as_str(),
        Some("no-referrer")
    );
    // The accept page has its own (the tenant's logo over https), on its own path.
    let accept = &template["Resources"]["AcceptPageHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]
        ["SecurityHeadersConfig"];
    assert_eq!(
        accept["ContentSecurityPolicy"]["ContentSecurityPolicy"].as_str(),
        Some(invitations::http::pages::ACCEPT_CSP)
    );
    let behaviors = template["Resources"]["WebDistribution"]["Properties"]["DistributionConfig"]
        ["CacheBehaviors"]
        .as_sequence()
        .expect("cache behaviours");
    let accept_behavior = behaviors
        .iter()
        .find(|b| b["PathPattern"].as_str() == Some("/accept"))
        .expect("a behaviour for /accept");
    let policy = format!("{:?}", accept_behavior["ResponseHeadersPolicyId"]);
    assert!(policy.contains("AcceptPageHeaders"), "{policy}");
    // The bucket is private: only the distribution reads it.
    let block = &template["Resources"]["WebBucket"]["Properties"]["PublicAccessBlockConfiguration"];
    for key in [
        "BlockPublicAcls",
        "BlockPublicPolicy",
        "IgnorePublicAcls",
        "RestrictPublicBuckets",
    ] {
        assert_eq!(block[key].as_bool(), Some(true), "{key}");
    }
    // Every page and asset the local server serves is a file under shared/web/ that the upload
    // script sends to the bucket.
    for asset in invitations::http::pages::ASSETS {
        assert!(
            root().join("shared/web").join(asset.name).exists(),
            "{}",
            asset.name
        );
    }
}

/// Carriers' receipts of texted invitations: both of SNS's delivery-status log groups (its own
/// names, success and failure) are subscribed to `events`, which logs may invoke for them only;
/// SNS gets a role to write them with, and the output names it for the account's SMS settings.
#[test]
fn sns_sms_delivery_logs_reach_the_events_function() {
    let template = yaml("infra/template.yaml");
    let resources = &template["Resources"];
    let group = "sns/${AWS::Region}/${AWS::AccountId}/DirectPublishToPhoneNumber";
    let mut subscribed = BTreeSet::new();
    for (_, r) in resources.as_mapping().unwrap() {
        if r["Type"] != "AWS::Logs::SubscriptionFilter" {
            continue;
        }
        let p = &r["Properties"];
        assert_eq!(
            p["DestinationArn"],
            serde_yaml::from_str::<Value>("!GetAtt EventsFunction.Arn").unwrap()
        );
        // Either the group the stack made, or SNS's own of that name.
        let choice = serde_yaml::to_string(&p["LogGroupName"]).unwrap();
        subscribed.insert(if choice.contains("SmsDeliveryFailureLogs") {
            assert!(choice.contains(&format!("{group}/Failure")), "{choice}");
            "failure"
        } else {
            assert!(
                choice.contains("SmsDeliveryLogs") && choice.contains(group),
                "{choice}"
            );
            "success"
        });
    }
    assert_eq!(subscribed, BTreeSet::from(["failure", "success"]));
    for (name, path) in [
        ("SmsDeliveryLogs", group.to_string()),
        ("SmsDeliveryFailureLogs", format!("{group}/Failure")),
    ] {
        let text = serde_yaml::to_string(&resources[name]["Properties"]["LogGroupName"]).unwrap();
        assert!(text.contains(&path), "{name}: {text}");
    }
    let permission = &resources["SmsReceiptsPermission"]["Properties"];
    assert_eq!(permission["Principal"], "logs.amazonaws.com");
    assert!(
        serde_yaml::to_string(&permission["SourceArn"])
            .unwrap()
            .contains(&format!("log-group:{group}*")),
        "logs may invoke events for SNS's SMS groups only"
    );
    let trust = &resources["SmsDeliveryStatusRole"]["Properties"]["AssumeRolePolicyDocument"];
    assert_eq!(
        trust["Statement"][0]["Principal"]["Service"],
        "sns.amazonaws.com"
    );
    assert!(template["Outputs"]["SmsDeliveryStatusRoleArn"].is_mapping());
}

/// The functions that text people may publish to phone numbers only: no SNS topic (so none can
/// forge SES events into the delivery-events topic, whose policy admits SES alone).
#[test]
fn the_functions_that_send_sms_can_publish_to_no_topic() {
    let template = yaml("infra/template.yaml");
    let resources = template["Resources"].as_mapping().expect("resources");
    let mut found = 0;
    for (name, resource) in resources {
        if resource["Type"].as_str() != Some("AWS::Serverless::Function") {
            continue;
        }
        let Some(policies) = resource["Properties"]["Policies"].as_sequence() else {
            continue;
        };
        for policy in policies {
            let Some(statements) = policy["Statement"].as_sequence() else {
                continue;
            };
            for s in statements {
                let publishes = format!("{:?}", s["Action"]).contains("sns:Publish");
                if !publishes {
                    continue;
                }
                found += 1;
                assert!(
                    s["Resource"].is_null(),
                    "{name:?} may publish to {:?}",
                    s["Resource"]
                );
                let not = format!("{:?}", s["NotResource"]);
                assert!(not.contains(":sns:*:*:*"), "{name:?}: {not}");
            }
        }
    }
    assert!(found >= 2, "the sessions and deliver functions send SMS");
}

/// SNS and CloudWatch Logs invoke `events` asynchronously: an event it fails on is kept in a
/// queue with an alarm, not dropped after Lambda's retries.
#[test]
fn an_event_the_events_function_fails_on_is_kept() {
    let template = yaml("infra/template.yaml");
    let config = &template["Resources"]["EventsFunction"]["Properties"]["EventInvokeConfig"];
    let on_failure = &config["DestinationConfig"]["OnFailure"];
    assert_eq!(on_failure["Type"].as_str(), Some("SQS"));
    let queue = format!("{:?}", on_failure["Destination"]);
    assert!(queue.contains("DeliveryEventsDeadLetters"), "{queue}");
    assert!(
        template["Resources"]["DeliveryEventsDeadLettersAlarm"].is_mapping(),
        "and someone hears of it"
    );
}

/// The README's gallery shows images that are there: each `docs/gallery/*.png` it links exists,
/// and each is one `make gallery` refreshes from the browser tests' screenshots.
#[test]
fn the_readme_gallery_links_the_screenshots_make_gallery_keeps() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README");
    let makefile = std::fs::read_to_string(root().join("Makefile")).expect("Makefile");
    let linked: Vec<&str> = readme
        .split("(docs/gallery/")
        .skip(1)
        .filter_map(|rest| rest.split(".png)").next())
        .collect();
    assert!(linked.len() >= 12, "{linked:?}");
    for shot in linked {
        assert!(
            root().join(format!("docs/gallery/{shot}.png")).is_file(),
            "docs/gallery/{shot}.png (run make gallery)"
        );
        assert!(makefile.contains(shot), "{shot} is not in GALLERY");
    }
}
