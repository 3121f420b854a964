//! The SES, SNS and Scheduler adapters against moto: what they send is really received.

#[path = "support/moto.rs"]
mod moto;
