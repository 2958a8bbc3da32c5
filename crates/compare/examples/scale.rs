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

/// CPU seconds this process has used, user and system, over all threads: less disturbed
/// than wall time when other jobs share the cores.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line: 11 and 12 counted from the state.
    (ticks(11) + ticks(12)) / 100.0
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
    let cpu = cpu_seconds();
    let comparison = compare::compare(&claims, &Checks::default());
    let compared = started.elapsed();
    let cpu = cpu_seconds() - cpu;
    let rss_peak = peak_rss_kib().unwrap_or(0);
    let mut kinds = std::collections::BTreeMap::new();
    for c in &comparison.conflicts {
        *kinds.entry(c.kind.name()).or_insert(0usize) += 1;
    }
    println!("claims:      {n} (generated in {:.2} s)", generated.as_secs_f64());
    println!("threads:     {}", rayon::current_num_threads());
    println!("compare:     {:.2} s, {:.0} claims/s", compared.as_secs_f64(), n as f64 / compared.as_secs_f64());
    println!("cpu:         {cpu:.2} s (user and system, all threads)");
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
