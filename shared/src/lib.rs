//! The invitation service's domain crate: model, use cases, ports, adapters and HTTP routing.
//!
//! Layers (data flows one way): `http` (extract, authenticate, call one use case, map the
//! result) → `usecases` (rules and state transitions over the ports) → `ports` (traits) ←
//! `adapters` (in-memory table, file outbox, clocks; AWS adapters). The single-table key design
//! is documented in [`store`].

pub mod adapters;
pub mod app;
pub mod config;
pub mod email;
pub mod error;
pub mod http;
pub mod i18n;
pub mod lambda;
pub mod model;
pub mod ports;
pub mod qr;
pub mod secrets;
pub mod session;
pub mod store;
pub mod telemetry;
pub mod usecases;
pub mod validate;

#[cfg(test)]
pub(crate) mod testing;

pub use error::{Error, Result};
