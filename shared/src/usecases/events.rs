//! What the providers tell after a send: delivered, bounced, complained about, rejected. Each
//! event names the outbox entry its message was sent for (SES carries it as the message's
//! `outbox` tag), so it lands on the right member and generation. A hard bounce or a complaint
//! puts the address on the tenant's suppression list, in the same transaction. A text
//! message carries nothing of ours: its carrier's receipt (SNS's delivery-status log) names it
//! by SNS's message id, which `deliver` stored with the send (an SMS receipt item).

use serde::Serialize;

use super::deliver::address_of;
use crate::app::App;
use crate::error::Result;
use crate::model::Delivery;
use crate::store::{OutboxKey, Suppression};

/// One provider event about one message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ProviderEvent {
    Delivered,
    /// `permanent`: a hard bounce (the address does not exist, or refuses mail for good).
    Bounced {
        permanent: bool,
        detail: Option<String>,
    },
    Complained {
        detail: Option<String>,
    },
    /// Refused by the provider before sending (e.g. a virus in the message).
    Rejected {
        detail: Option<String>,
    },
}

/// Records `event` on the member the message was sent to, if it is still at that generation.
/// A soft bounce changes nothing (the provider retries it itself).
pub async fn record(app: &App, key: &OutboxKey, event: &ProviderEvent) -> Result<()> {
    let (delivery, why, suppress) = match event {
        ProviderEvent::Delivered => (Delivery::Delivered, None, None),
        ProviderEvent::Bounced {
            permanent: false, ..
        } => return Ok(()),
        ProviderEvent::Bounced { detail, .. } => {
            (Delivery::Bounced, detail.clone(), Some("bounce"))
        }
        ProviderEvent::Complained { detail } => {
            (Delivery::Complained, detail.clone(), Some("complaint"))
        }
        ProviderEvent::Rejected { detail } => (Delivery::Failed, detail.clone(), None),
    };
    super::retrying(|| async {
        let Some(current) = app.store.member(key.tenant_id, key.user_id).await? else {
            return Ok(());
        };
        let mut tx = app.store.tx();
        let member = &current.value;
        // Only the generation sent is known to be at the address the member holds now: a late
        // event about an earlier one may be about an address since changed.
        let sent_here = member.generation == key.generation;
        if let (Some(reason), Some(address), true) =
            (suppress, address_of(member, key.channel), sent_here)
        {
            tx.suppress(
                key.tenant_id,
                &Suppression {
                    address,
                    reason: reason.into(),
                    detail: why.clone(),
                    at: app.now(),
                },
            );
        }
        // Events arrive at least once and in no promised order: a Delivery event (a repeat, or
        // one overtaken by the bounce or complaint that followed it) never undoes an outcome.
        let settled = matches!(
            member.delivery.get(&key.channel),
            Some(Delivery::Bounced | Delivery::Complained | Delivery::Failed)
        );
        if sent_here && !(delivery == Delivery::Delivered && settled) {
            let mut updated = member.clone();
            updated.delivery.insert(key.channel, delivery);
            match &why {
                Some(why) => updated.delivery_errors.insert(key.channel, why.clone()),
                None => updated.delivery_errors.remove(&key.channel),
            };
            let action = match delivery {
                Delivery::Delivered => Some("invitation.delivered"),
                Delivery::Bounced => Some("invitation.bounced"),
                Delivery::Complained => Some("invitation.complained"),
                Delivery::Failed => Some("invitation.failed"),
                _ => None,
            };
            // A provider's event delivered twice is recorded once.
            let changed = member.delivery.get(&key.channel) != Some(&delivery);
            if let (Some(action), true) = (action, changed) {
                let field = format!("delivery.{}", key.channel.as_str());
                super::audit::Audit::new(app, key.tenant_id, action)
                    .on(&updated)
                    .change(&field, member.delivery.get(&key.channel), Some(&delivery))
                    .record(app, &mut tx);
            }
            tx.put_member(&updated, Some(&current));
        }
        app.store.commit(tx).await
    })
    .await?;
    tracing::info!(tenant = %key.tenant_id, user = %key.user_id, channel = ?key.channel, event = ?delivery, "provider event recorded");
    Ok(())
}

/// What an SES event (as published to SNS by a configuration set's event destination, or an
/// identity's feedback notification) says, and which outbox entry it is about: `None` for an
/// event about a message that carried no `outbox` tag, or of a kind that changes nothing
/// (`Send`, `Open`, `Click`, `DeliveryDelay`).
pub fn from_ses(event: &serde_json::Value) -> Option<(OutboxKey, ProviderEvent)> {
    let kind = event["eventType"]
        .as_str()
        .or_else(|| event["notificationType"].as_str())?;
    let tag = event["mail"]["tags"][crate::adapters::ses::OUTBOX_TAG][0].as_str()?;
    let key = super::deliver::key_of(&tag.replace('_', "#"))?;
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let event = match kind {
        "Delivery" => ProviderEvent::Delivered,
        "Bounce" => {
            let bounce = &event["bounce"];
            // SES did not try: the address is on the sending account's suppression list, put
            // there by any tenant's mail. It fails this send; it does not say this tenant's
            // message bounced, nor suppress the address here.
            if matches!(
                bounce["bounceSubType"].as_str(),
                Some("OnAccountSuppressionList" | "Suppressed")
            ) {
                return Some((
                    key,
                    ProviderEvent::Rejected {
                        detail: Some("on the sending account's suppression list".into()),
                    },
                ));
            }
            ProviderEvent::Bounced {
                permanent: bounce["bounceType"] == "Permanent",
                detail: text(&bounce["bouncedRecipients"][0]["diagnosticCode"])
                    .or_else(|| text(&bounce["bounceSubType"])),
            }
        }
        "Complaint" => ProviderEvent::Complained {
            detail: text(&event["complaint"]["complaintFeedbackType"]),
        },
        "Reject" => ProviderEvent::Rejected {
            detail: text(&event["reject"]["reason"]),
        },
        _ => return None,
    };
    Some((key, event))
}

/// What an SNS SMS delivery-status log entry (the JSON of a line of the
/// `sns/{region}/{account}/DirectPublishToPhoneNumber` log groups, `/Failure` for failures)
/// says, and which SNS message it is about: `None` for a line that is not one.
pub fn from_sns_sms(line: &serde_json::Value) -> Option<(String, ProviderEvent)> {
    let id = line["notification"]["messageId"].as_str()?.to_string();
    let said = line["delivery"]["providerResponse"]
        .as_str()
        .map(str::to_string);
    let event = match line["status"].as_str()? {
        "SUCCESS" => ProviderEvent::Delivered,
        // The carrier could not deliver it (unreachable, blocked, opted out, unknown number):
        // a failed send, with the carrier's words; a number is not suppressed for it (SNS
        // keeps its own opt-out list).
        "FAILURE" => ProviderEvent::Rejected { detail: said },
        _ => return None,
    };
    Some((id, event))
}

/// SES's mailbox simulator, played by the local outbox: mail to `bounce@`, `complaint@` and
/// `success@simulator.amazonses.com` bounces, is complained about, or is delivered, as a real
/// account's would be.
pub fn simulated(to: &str) -> Option<ProviderEvent> {
    let (local, domain) = to.rsplit_once('@')?;
    if !domain.eq_ignore_ascii_case("simulator.amazonses.com") {
        return None;
    }
    let local = local.to_ascii_lowercase();
    let detail = |d: &str| Some(d.to_string());
    match local.split('+').next()? {
        "success" => Some(ProviderEvent::Delivered),
        "bounce" => Some(ProviderEvent::Bounced {
            permanent: true,
            detail: detail("smtp; 550 5.1.1 user unknown"),
        }),
        "complaint" => Some(ProviderEvent::Complained {
            detail: detail("abuse"),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The samples of "Examples of event data that Amazon SES publishes to Amazon SNS" (SES
    /// developer guide), with the `outbox` tag this service adds.
    fn sample(kind: &str, body: serde_json::Value) -> serde_json::Value {
        let mut event = serde_json::json!({
            "eventType": kind,
            "mail": {
                "timestamp": "2016-10-19T23:20:52.240Z",
                "source": "sender@example.com",
                "sourceArn": "arn:aws:ses:us-east-1:123456789012:identity/sender@example.com",
                "sendingAccountId": "123456789012",
                "messageId": "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
                "destination": ["recipient@example.com"],
                "headersTruncated": false,
                "tags": {
                    "ses:configuration-set": ["ConfigSet"],
                    "ses:source-ip": ["192.0.2.0"],
                    "ses:from-domain": ["example.com"],
                    "ses:caller-identity": ["ses_user"],
                    "outbox": ["0190a4a4-0000-7000-8000-000000000001_0190a4a4-0000-7000-8000-000000000002_0000000003_email"]
                }
            }
        });
        if let (Some(e), Some(b)) = (event.as_object_mut(), body.as_object()) {
            e.extend(b.clone());
        }
        event
    }

    #[test]
    fn ses_events_name_their_outbox_entry_and_say_what_happened() {
        let bounce = sample(
            "Bounce",
            serde_json::json!({"bounce": {
                "bounceType": "Permanent", "bounceSubType": "General",
                "bouncedRecipients": [{"emailAddress": "recipient@example.com", "action": "failed",
                    "status": "5.1.1", "diagnosticCode": "smtp; 550 5.1.1 user unknown"}],
                "timestamp": "2017-08-05T00:41:02.669Z",
                "feedbackId": "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
                "reportingMTA": "dsn; mta.example.com"}}),
        );
        let (key, event) = from_ses(&bounce).expect("a bounce");
        assert_eq!(key.generation, 3);
        assert_eq!(key.channel, crate::model::Channel::Email);
        assert_eq!(
            key.user_id.to_string(),
            "0190a4a4-0000-7000-8000-000000000002"
        );
        assert_eq!(
            event,
            ProviderEvent::Bounced {
                permanent: true,
                detail: Some("smtp; 550 5.1.1 user unknown".into())
            }
        );
        let complaint = sample(
            "Complaint",
            serde_json::json!({"complaint": {
                "complainedRecipients": [{"emailAddress": "recipient@example.com"}],
                "timestamp": "2017-08-05T00:41:02.669Z",
                "feedbackId": "01000157c44f053b-61b59c11-9236-11e6-8f96-7be8aexample-000000",
                "userAgent": "Mozilla/5.0", "complaintFeedbackType": "abuse",
                "arrivalDate": "2017-08-05T00:41:02.669Z"}}),
        );
        assert_eq!(
            from_ses(&complaint).map(|(_, e)| e),
            Some(ProviderEvent::Complained {
                detail: Some("abuse".into())
            })
        );
        let delivery = sample(
            "Delivery",
            serde_json::json!({"delivery": {"timestamp": "2016-10-19T23:21:04.133Z",
                "processingTimeMillis": 11893, "recipients": ["recipient@example.com"],
                "smtpResponse": "250 2.6.0 Message received", "reportingMTA": "mta.example.com"}}),
        );
        assert_eq!(
            from_ses(&delivery).map(|(_, e)| e),
            Some(ProviderEvent::Delivered)
        );
        let reject = sample(
            "Reject",
            serde_json::json!({"reject": {"reason": "Bad content"}}),
        );
        assert_eq!(
            from_ses(&reject).map(|(_, e)| e),
            Some(ProviderEvent::Rejected {
                detail: Some("Bad content".into())
            })
        );
        // Refused by the sending account's suppression list (any tenant's bounce may have put
        // the address there): a failed send, not this tenant's bounce.
        let suppressed = sample(
            "Bounce",
            serde_json::json!({"bounce": {
                "bounceType": "Permanent", "bounceSubType": "OnAccountSuppressionList",
                "bouncedRecipients": [{"emailAddress": "recipient@example.com"}],
                "timestamp": "2017-08-05T00:41:02.669Z"}}),
        );
        assert!(matches!(
            from_ses(&suppressed).map(|(_, e)| e),
            Some(ProviderEvent::Rejected { .. })
        ));
        // Not ours, or nothing to record.
        let mut untagged = delivery.clone();
        untagged["mail"]["tags"]["outbox"] = serde_json::json!(null);
        assert_eq!(from_ses(&untagged), None);
        assert_eq!(
            from_ses(&sample("Send", serde_json::json!({"send": {}}))),
            None
        );
    }

    /// The samples of "Monitor Amazon SNS SMS deliveries with CloudWatch" (AWS knowledge
    /// center): one line of each log group.
    #[test]
    fn sms_delivery_logs_name_their_message_and_say_what_happened() {
        let success = serde_json::json!({
            "notification": {"messageId": "34d9b400-c6dd-5444-820d-fbeb0f1f54cf",
                "timestamp": "2016-06-28 00:40:34.558"},
            "delivery": {"phoneCarrier": "My Phone Carrier", "mnc": 270,
                "destination": "+1XXX5550100", "priceInUSD": 0.00645, "smsType": "Transactional",
                "mcc": 310, "providerResponse": "Message has been accepted by phone carrier",
                "dwellTimeMs": 599, "dwellTimeMsUntilDeviceAck": 1344},
            "status": "SUCCESS"
        });
        assert_eq!(
            from_sns_sms(&success),
            Some((
                "34d9b400-c6dd-5444-820d-fbeb0f1f54cf".to_string(),
                ProviderEvent::Delivered
            ))
        );
        let failure = serde_json::json!({
            "notification": {"messageId": "1077257a-92f3-5ca3-bc97-6a915b310625",
                "timestamp": "2016-06-28 00:40:34.559"},
            "delivery": {"mnc": 0, "destination": "+1XXX5550100", "priceInUSD": 0.00645,
                "smsType": "Transactional", "mcc": 0,
                "providerResponse": "Unknown error attempting to reach phone",
                "dwellTimeMs": 1420, "dwellTimeMsUntilDeviceAck": 1692},
            "status": "FAILURE"
        });
        assert_eq!(
            from_sns_sms(&failure).map(|(_, e)| e),
            Some(ProviderEvent::Rejected {
                detail: Some("Unknown error attempting to reach phone".into())
            })
        );
        assert_eq!(
            from_sns_sms(&serde_json::json!({"status": "SUCCESS"})),
            None
        );
    }

    #[test]
    fn the_simulator_addresses_and_only_they_are_simulated() {
        assert_eq!(
            simulated("success@simulator.amazonses.com"),
            Some(ProviderEvent::Delivered)
        );
        assert!(matches!(
            simulated("Bounce+ana@Simulator.AmazonSES.com"),
            Some(ProviderEvent::Bounced {
                permanent: true,
                ..
            })
        ));
        assert!(matches!(
            simulated("complaint@simulator.amazonses.com"),
            Some(ProviderEvent::Complained { .. })
        ));
        assert_eq!(simulated("bounce@example.com"), None);
        assert_eq!(simulated("ooto@simulator.amazonses.com"), None);
    }
}
