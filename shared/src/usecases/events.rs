//! What the providers tell after a send: delivered, bounced, complained about, rejected. Each
//! event names the outbox entry its message was sent for (SES carries it as the message's
//! `outbox` tag), so it lands on the right member and generation. A hard bounce or a complaint
//! puts the address on the tenant's suppression list, in the same transaction.

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
        if let (Some(reason), Some(address)) = (suppress, address_of(member, key.channel)) {
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
        if member.generation == key.generation {
            let mut updated = member.clone();
            updated.delivery.insert(key.channel, delivery);
            match &why {
                Some(why) => updated.delivery_errors.insert(key.channel, why.clone()),
                None => updated.delivery_errors.remove(&key.channel),
            };
            tx.put_member(&updated, Some(&current));
        }
        app.store.commit(tx).await
    })
    .await?;
    tracing::info!(tenant = %key.tenant_id, user = %key.user_id, channel = ?key.channel, event = ?delivery, "provider event recorded");
    Ok(())
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
