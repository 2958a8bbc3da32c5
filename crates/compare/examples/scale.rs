//! Times one comparison of N synthetic claims (default 10 M) and prints claims/s and peak
//! memory: `cargo run --release -p compare --example scale -- 10000000 [threads]`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use claim::Checks;
use compare::synth::{SynthConfig, generate};
use std::time::Instant;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    if let Some(threads) = args.next().and_then(|a| a.parse().ok())
        && let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global()
    {
        eprintln!("could not set the thread count: {e}");
    }
    let started = Instant::now();
    let claims = generate(&SynthConfig::new(n, 42));
    let generated = started.elapsed();
    let rss_claims = peak_rss_kib().unwrap_or(0);
    let started = Instant::now();
    let comparison = compare::compare(&claims, &Checks::default());
    let compared = started.elapsed();
    let rss_peak = peak_rss_kib().unwrap_or(0);
    let mut kinds = std::collections::BTreeMap::new();
    for c in &comparison.conflicts {
        *kinds.entry(c.kind.name()).or_insert(0usize) += 1;
    }
    println!("claims:      {n} (generated in {:.2} s)", generated.as_secs_f64());
    println!("threads:     {}", rayon::current_num_threads());
    println!("compare:     {:.2} s, {:.0} claims/s", compared.as_secs_f64(), n as f64 / compared.as_secs_f64());
    println!("positions:   {}", comparison.positions.len());
    println!("conflicts:   {} {kinds:?}", comparison.conflicts.len());
    println!(
        "peak RSS:    {:.1} MiB after generating, {:.1} MiB after comparing",
        rss_claims as f64 / 1024.0,
        rss_peak as f64 / 1024.0
    );
    println!(
        "per claim:   {:.0} B for the claims, {:.0} B more for the comparison",
        rss_claims as f64 * 1024.0 / n.max(1) as f64,
        (rss_peak.saturating_sub(rss_claims)) as f64 * 1024.0 / n.max(1) as f64
    );
}
