//! What the bench measured, and `BENCHMARKS.md` written from it. A run of some parts only
//! (`BENCH_ONLY`) keeps the other parts' rows and sections from the file as they were, and says
//! from which run they are.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::Command;

use super::root;

/// The parts of the bench, in the order they run and are written, each with the heading its
/// section starts with.
pub const PARTS: [(&str, &str); 4] = [
    ("lambda", "### Lambda start"),
    ("local", "### Local server"),
    ("cost", "### AWS cost"),
    ("critical", "### Critical path on AWS"),
];

/// One line of the report: a figure, its target and whether it is met.
pub struct Check {
    part: &'static str,
    what: String,
    figure: String,
    target: String,
    pub met: bool,
}

#[derive(Default)]
pub struct Report {
    /// The part being measured, which the sections and checks from now on belong to.
    part: &'static str,
    sections: Vec<(&'static str, String)>,
    pub checks: Vec<Check>,
}

impl Report {
    pub fn begin(&mut self, part: &'static str) {
        self.part = part;
    }

    pub fn section(&mut self, text: String) {
        println!("{text}");
        self.sections.push((self.part, text));
    }

    pub fn check(&mut self, what: &str, figure: String, target: &str, met: bool) {
        println!(
            "  {} {what}: {figure} (target {target})",
            if met { "MET " } else { "MISS" }
        );
        self.checks.push(Check {
            part: self.part,
            what: what.into(),
            figure,
            target: target.into(),
            met,
        });
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        })
        .map(|kib| format!("{:.0} GiB", kib / 1024.0 / 1024.0))
        .unwrap_or_default();
    let kernel = Command::new("uname")
        .arg("-sr")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let wrk = Command::new("wrk")
        .arg("--version")
        .output()
        .map(|o| {
            let s = String::from_utf8_lossy(&o.stdout).to_string()
                + &String::from_utf8_lossy(&o.stderr);
            s.lines().next().unwrap_or("").to_string()
        })
        .unwrap_or_default();
    format!("{cpu}, {cores} cores, {memory}; {kernel}; {rustc}; {wrk}")
}

/// Sections of `BENCHMARKS.md` measured by other means than this program (each says how),
/// kept as they are when the file is written again.
const KEPT_SECTIONS: [&str; 2] = [
    "## Memory under hostile bodies",
    "## What the audit trail costs",
];

/// The kept sections of `old`, each up to the next `## ` heading.
fn kept_sections(old: &str) -> String {
    let mut kept = String::new();
    for heading in KEPT_SECTIONS {
        let Some(start) = old.find(&format!("\n{heading}\n")).map(|at| at + 1) else {
            continue;
        };
        let body = &old[start + heading.len()..];
        let end = body
            .find("\n## ")
            .map_or(old.len(), |at| start + heading.len() + at);
        kept.push_str(old[start..end].trim_end());
        kept.push_str("\n\n");
    }
    kept
}

/// What an earlier `BENCHMARKS.md` holds of one part.
#[derive(Default)]
struct Earlier {
    /// When it was measured: "date, commit abc1234".
    when: String,
    /// Its rows of the Targets table, as written.
    rows: Vec<String>,
    sections: Vec<String>,
}

fn part_named(name: &str) -> Option<&'static str> {
    PARTS.iter().map(|p| p.0).find(|p| *p == name)
}

/// The parts in an earlier `BENCHMARKS.md`, by name. Rows of its Targets table name their part
/// in the last column; sections are known by their headings.
fn earlier_parts(old: &str) -> BTreeMap<&'static str, Earlier> {
    let mut parts: BTreeMap<&'static str, Earlier> = BTreeMap::new();
    let mut when_measured = |names: &str, when: &str| {
        for name in names.split(',').filter_map(|n| part_named(n.trim())) {
            parts.entry(name).or_default().when = when.to_string();
        }
    };
    let date = old
        .lines()
        .find_map(|l| l.strip_prefix("- Date: "))
        .unwrap_or("an unknown date");
    if let Some(names) = old.lines().find_map(|l| l.strip_prefix("- Parts: ")) {
        when_measured(names, date);
    }
    // "- Kept from earlier runs: a, b (date, commit x); c (date, commit y)"
    if let Some(groups) = old
        .lines()
        .find_map(|l| l.strip_prefix("- Kept from earlier runs: "))
    {
        for group in groups.split("; ") {
            if let Some((names, when)) = group.split_once(" (") {
                when_measured(names, when.trim_end_matches(')'));
            }
        }
    }
    let section = |heading: &str| {
        let start = old.find(&format!("\n{heading}\n"))? + heading.len() + 2;
        let end = old[start..]
            .find("\n## ")
            .map_or(old.len(), |at| start + at);
        Some(&old[start..end])
    };
    if let Some(targets) = section("## Targets") {
        // The header and the separator are not rows.
        for row in targets.lines().filter(|l| l.starts_with("| ")).skip(2) {
            let last = row.trim_end().trim_end_matches('|').rsplit('|').next();
            if let Some(part) = last.and_then(|p| part_named(p.trim())) {
                parts.entry(part).or_default().rows.push(row.to_string());
            }
        }
    }
    if let Some(figures) = section("## Figures") {
        for text in figures.split("\n### ").map(|s| s.trim()) {
            let text = if text.starts_with("### ") {
                text.to_string()
            } else {
                format!("### {text}")
            };
            let part = PARTS.iter().find(|(_, heading)| text.starts_with(heading));
            if let Some((name, _)) = part {
                parts.entry(name).or_default().sections.push(text);
            }
        }
    }
    parts
}

/// Writes `BENCHMARKS.md`: the parts measured in this run (`ran`), and the others as the file
/// had them.
pub fn write_markdown(report: &Report, ran: &[&str]) {
    let path = root().join("BENCHMARKS.md");
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    let mut earlier = earlier_parts(&old);
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let commit = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    // The parts not measured now that the file had, grouped by the run that measured them.
    let mut kept: Vec<(String, Vec<&str>)> = Vec::new();
    for (name, _) in PARTS {
        if ran.contains(&name) {
            continue;
        }
        let Some(e) = earlier
            .get(name)
            .filter(|e| !e.rows.is_empty() || !e.sections.is_empty())
        else {
            continue;
        };
        match kept.iter_mut().find(|(when, _)| *when == e.when) {
            Some((_, names)) => names.push(name),
            None => kept.push((e.when.clone(), vec![name])),
        }
    }
    let kept_line = if kept.is_empty() {
        String::new()
    } else {
        let groups: Vec<String> = kept
            .iter()
            .map(|(when, names)| format!("{} ({when})", names.join(", ")))
            .collect();
        format!("- Kept from earlier runs: {}\n", groups.join("; "))
    };
    let mut md = format!(
        "# Benchmarks\n\n\
         Measured by `make bench` (`tests/benches/figures.rs`); this file is written by it, \
         but for the sections that say how else they are measured, which it keeps. \
         `BENCH_ONLY=` some of {} measures those parts only, and keeps the others' rows and \
         sections as they were (the Kept line says from which run).\n\n\
         - Date: {date}, commit {commit}\n\
         - Machine: {}\n\
         - Parts: {}\n\
         {kept_line}\n\
         Times drift on a shared machine: read the ratios, which compare figures taken in the same run.\n\n\
         ## Targets\n\n| figure | measured | target | | part |\n| --- | --- | --- | --- | --- |\n",
        PARTS.map(|p| p.0).join(","),
        machine(),
        ran.join(",")
    );
    let mut sections = String::new();
    for (name, _) in PARTS {
        if ran.contains(&name) {
            for c in report.checks.iter().filter(|c| c.part == name) {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {name} |",
                    c.what,
                    c.figure,
                    c.target,
                    if c.met { "met" } else { "**missed**" }
                );
            }
            for (_, text) in report.sections.iter().filter(|(p, _)| *p == name) {
                sections.push_str(text);
                sections.push('\n');
            }
        } else if let Some(e) = earlier.remove(name) {
            for row in e.rows {
                md.push_str(&row);
                md.push('\n');
            }
            for text in e.sections {
                sections.push_str(&text);
                sections.push_str("\n\n");
            }
        }
    }
    md.push_str("\n## Figures\n\n");
    md.push_str(&sections);
    md.push_str(&kept_sections(&old));
    md.truncate(md.trim_end().len());
    md.push('\n');
    std::fs::write(path, md).expect("write BENCHMARKS.md");
}
