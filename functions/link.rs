//! The build script of every Lambda function crate: link the bootstrap as a position-dependent
//! executable on Linux, as Go links its Lambda binaries by default.
//!
//! A position-independent bootstrap makes the dynamic loader apply ~71,000 relative relocations
//! and copy 1.7 MB of `.data.rel.ro` (the AWS SDK's tables and vtables) on every cold start:
//! 1.4 of its 4.8 ms in `make bench`. Position-dependent, the executable's own image sits at a
//! fixed address; the stack, heap, shared libraries and mappings stay randomised.
//! `INVITATIONS_PIE=1` at build time keeps the position-independent default.

fn main() {
    println!("cargo:rerun-if-changed=../link.rs");
    println!("cargo:rerun-if-env-changed=INVITATIONS_PIE");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    let keep_pie = std::env::var("INVITATIONS_PIE").is_ok_and(|v| !v.is_empty() && v != "0");
    if linux && !keep_pie {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
