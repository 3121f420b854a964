//! The SES, SNS and Scheduler adapters against moto: what they send is really received.

#[path = "support/moto.rs"]
mod moto;
#[path = "support/requests.rs"]
mod requests;

use invitations::adapters::scheduler::EventBridgeScheduler;
use invitations::adapters::ses::SesMailer;
use invitations::adapters::sns::SnsSms;
use invitations::ports::{
    DeferredSend, EmailMessage, Mailer, Scheduler, SendError, SmsMessage, SmsSender,
};

#[tokio::test]
async fn an_invitation_email_reaches_ses_with_its_recipient_subject_and_both_parts() {
    let sdk = moto::sdk().await;
    let wire = requests::RequestLog::default();
    let conf = aws_sdk_sesv2::config::Builder::from(&sdk)
        .interceptor(wire.clone())
        .build();
    let ses = aws_sdk_sesv2::Client::from_conf(conf);
    let domain = format!("{}.example", uuid::Uuid::now_v7().simple());
    let from = format!("invitations@{domain}");
    let to = format!("ana-{}@example.com", uuid::Uuid::now_v7().simple());
    let message = EmailMessage {
        to: to.clone(),
        subject: "Marta invited you to join Hotel Sol".into(),
        text: "Accept: https://app.example.com/accept#token=abc".into(),
        html: "<p><a href=\"https://app.example.com/accept#token=abc\">Accept</a></p>".into(),
        sender_name: Some("Hotel Sol".into()),
        reply_to: Some("hr@hotelsol.example".into()),
    };
    let mailer = SesMailer::new(ses.clone(), &from, None);

    // SES refuses a sender whose identity is not verified: a clear refusal, not a panic.
    assert!(matches!(
        mailer.send_email(&message).await,
        Err(SendError::Refused(_))
    ));

    ses.create_email_identity()
        .email_identity(&domain)
        .send()
        .await
        .expect("identity");
    wire.take();
    mailer.send_email(&message).await.expect("sent");

    // On the wire: one SendEmail with simple content holding both parts.
    let sent = wire.take();
    assert_eq!(sent.len(), 1);
    let request: serde_json::Value = serde_json::from_str(&sent[0].body).expect("a JSON request");
    let simple = &request["Content"]["Simple"];
    assert_eq!(
        simple["Subject"]["Data"],
        "Marta invited you to join Hotel Sol"
    );
    assert_eq!(simple["Body"]["Text"]["Data"], message.text.as_str());
    assert_eq!(simple["Body"]["Html"]["Data"], message.html.as_str());
    assert_eq!(request["Destination"]["ToAddresses"][0], to.as_str());
    // The tenant's branding: its name on the service's address, and its reply-to.
    assert_eq!(
        request["FromEmailAddress"],
        format!("\"Hotel Sol\" <{from}>").as_str()
    );
    assert_eq!(request["ReplyToAddresses"][0], "hr@hotelsol.example");

    // And moto received it (it keeps only the HTML part of a message with both).
    let data = moto::recorded().await;
    let received: Vec<String> = data["ses"]["Message"]
        .as_array()
        .expect("moto keeps SES messages")
        .iter()
        .map(|m| m.to_string())
        .filter(|m| m.contains(&to))
        .collect();
    assert_eq!(received.len(), 1, "{data}");
    assert!(received[0].contains(&from), "sender: {}", received[0]);
    assert!(
        received[0].contains("Marta invited you to join Hotel Sol"),
        "subject: {}",
        received[0]
    );
    assert!(
        received[0].contains("accept#token=abc"),
        "body: {}",
        received[0]
    );
}

#[tokio::test]
async fn an_sms_reaches_sns_for_the_e164_number() {
    let sdk = moto::sdk().await;
    let sms = SnsSms::new(aws_sdk_sns::Client::new(&sdk), None);
    let number = format!("+3460{:07}", uuid::Uuid::now_v7().as_u128() % 10_000_000);
    sms.send_sms(&SmsMessage {
        to: number.clone(),
        text: "Hotel Sol invited you: https://app.example.com/accept#token=xyz".into(),
    })
    .await
    .expect("published");
    let data = moto::recorded().await;
    let found = data["sns"]["SMS"].to_string();
    assert!(
        found.contains(&number) && found.contains("accept#token=xyz"),
        "{found}"
    );
}

#[tokio::test]
async fn a_deferred_send_schedule_is_created_then_deleted_and_deleting_it_again_is_fine() {
    let sdk = moto::sdk().await;
    let client = aws_sdk_scheduler::Client::new(&sdk);
    let group = format!("g{}", uuid::Uuid::now_v7().simple());
    client
        .create_schedule_group()
        .name(&group)
        .send()
        .await
        .expect("group");
    let scheduler = EventBridgeScheduler::new(
        client.clone(),
        &group,
        "arn:aws:lambda:eu-west-1:123456789012:function:dispatch",
        "arn:aws:iam::123456789012:role/scheduler",
    )
    .with_dead_letters(Some(
        "arn:aws:sqs:eu-west-1:123456789012:deferred-sends-dlq".into(),
    ));
    let send = DeferredSend {
        tenant: uuid::Uuid::now_v7(),
        user: uuid::Uuid::now_v7(),
        generation: 3,
    };
    let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let name = format!("invite-{}-3", send.user);
    scheduler
        .schedule(&name, at, "Europe/Madrid", &send)
        .await
        .expect("scheduled");

    let got = client
        .get_schedule()
        .name(&name)
        .group_name(&group)
        .send()
        .await
        .expect("the schedule exists");
    assert_eq!(got.schedule_expression(), Some("at(2026-12-01T09:00:00)"));
    assert_eq!(got.schedule_expression_timezone(), Some("Europe/Madrid"));
    assert_eq!(
        got.action_after_completion().map(|a| a.as_str()),
        Some("DELETE")
    );
    let target = got.target().expect("a target");
    assert_eq!(
        target.arn(),
        "arn:aws:lambda:eu-west-1:123456789012:function:dispatch"
    );
    let dlq = target.dead_letter_config().and_then(|d| d.arn());
    assert_eq!(
        dlq,
        Some("arn:aws:sqs:eu-west-1:123456789012:deferred-sends-dlq"),
        "failed sends are parked, not lost"
    );
    assert!(
        target
            .retry_policy()
            .is_some_and(|r| r.maximum_retry_attempts() == Some(10))
    );
    let input: DeferredSend = serde_json::from_str(target.input().expect("input")).unwrap();
    assert_eq!(input, send);

    scheduler.cancel(&name).await.expect("deleted");
    let gone = client
        .get_schedule()
        .name(&name)
        .group_name(&group)
        .send()
        .await;
    assert!(gone.is_err_and(|e| {
        e.as_service_error()
            .is_some_and(|se| se.is_resource_not_found_exception())
    }));
    scheduler
        .cancel(&name)
        .await
        .expect("deleting a schedule that is gone is not an error");
}

/// Both sides of the Mailer and SmsSender ports record the same thing for the same message:
/// the local outbox (what `make run` shows) and SES/SNS (what moto received).
#[tokio::test]
async fn the_outbox_and_the_aws_senders_deliver_the_same_messages() {
    use invitations::adapters::outbox::FileOutbox;
    use std::sync::Arc;

    let sdk = moto::sdk().await;
    let ses = aws_sdk_sesv2::Client::new(&sdk);
    ses.create_email_identity()
        .email_identity("same.example")
        .send()
        .await
        .expect("identity");
    let outbox = Arc::new(
        FileOutbox::new(
            None,
            "invitations@same.example",
            Arc::new(invitations::adapters::clock::SystemClock),
        )
        .unwrap(),
    );
    let mailers: [(&str, Arc<dyn Mailer>); 2] = [
        ("outbox", outbox.clone()),
        (
            "ses",
            Arc::new(SesMailer::new(ses, "invitations@same.example", None)),
        ),
    ];
    let smss: [(&str, Arc<dyn SmsSender>); 2] = [
        ("outbox", outbox.clone()),
        (
            "sns",
            Arc::new(SnsSms::new(aws_sdk_sns::Client::new(&sdk), None)),
        ),
    ];

    let to = format!("same-{}@example.com", uuid::Uuid::now_v7().simple());
    let email = EmailMessage {
        to: to.clone(),
        subject: "You're invited".into(),
        text: "https://app.example.com/accept#token=same".into(),
        html: "<a href=\"https://app.example.com/accept#token=same\">Accept</a>".into(),
        ..Default::default()
    };
    let number = format!("+4477009{:05}", uuid::Uuid::now_v7().as_u128() % 100_000);
    let sms = SmsMessage {
        to: number.clone(),
        text: "Join Hotel Sol: https://app.example.com/accept#token=sms".into(),
    };
    for (name, m) in &mailers {
        m.send_email(&email)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    for (name, s) in &smss {
        s.send_sms(&sms)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }

    let kept = outbox.messages(Some(&to));
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].subject.as_deref(), Some("You're invited"));
    assert!(
        kept[0]
            .html
            .as_deref()
            .unwrap()
            .contains("accept#token=same")
    );
    let texts = outbox.messages(Some(&number));
    assert_eq!(
        (texts.len(), texts[0].text.as_str()),
        (1, sms.text.as_str())
    );

    let data = moto::recorded().await;
    let at_ses: Vec<String> = data["ses"]["Message"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.to_string())
        .filter(|m| m.contains(&to))
        .collect();
    assert_eq!(at_ses.len(), 1);
    assert!(at_ses[0].contains("You're invited") && at_ses[0].contains("accept#token=same"));
    let at_sns = data["sns"]["SMS"].to_string();
    assert!(
        at_sns.contains(&number) && at_sns.contains("accept#token=sms"),
        "{at_sns}"
    );
}
