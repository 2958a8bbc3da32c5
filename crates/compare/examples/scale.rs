//! Times one comparison of N synthetic claims (default 10 M) and prints claims/s and peak
//! memory: `cargo run --release -p compare --example scale -- 10000000 [threads] [json]`.
//! The claims are generated straight into a claim store, a batch at a time, so the peak is
//! what comparing needs, not 10 M owned claims; `json` also times writing the comparison.
//! `jsonl` writes the claims to standard output as JSON Lines instead (what `claimcheck
//! claims --format jsonl` writes), for timing `claimcheck compare` on them.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use claim::Checks;
use compare::ClaimStoreBuilder;
use compare::synth::{SynthConfig, generate_into};
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

/// Claims generated and added to the store at a time.
const BATCH: usize = 1 << 18;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000_000);
    if let Some(threads) = args.next().and_then(|a| a.parse().ok())
        && let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(threads).build_global()
    {
        eprintln!("could not set the thread count: {e}");
    }
    // `json`: also write the report's comparison as JSON (to /dev/null), a chunk at a time.
    let mode = args.next();
    if mode.as_deref() == Some("jsonl") {
        write_jsonl(n);
        return;
    }
    let write_json = mode.is_some_and(|a| a == "json");
    let started = Instant::now();
    let cpu = cpu_seconds();
    let mut builder = ClaimStoreBuilder::new();
    generate_into(&SynthConfig::new(n, 42), &mut builder, BATCH);
    let store = builder.finish();
    let (generated, generated_cpu) = (started.elapsed(), cpu_seconds() - cpu);
    let rss_claims = peak_rss_kib().unwrap_or(0);
    let started = Instant::now();
    let cpu = cpu_seconds();
    let findings = compare::compare_store(&store, &Checks::default());
    let compared = started.elapsed();
    let cpu = cpu_seconds() - cpu;
    let rss_compared = peak_rss_kib().unwrap_or(0);
    let mut kinds = std::collections::BTreeMap::new();
    for kind in findings.kinds() {
        *kinds.entry(kind.name()).or_insert(0usize) += 1;
    }
    println!(
        "claims:      {n} (generated into the store in {:.2} s, {generated_cpu:.2} s CPU)",
        generated.as_secs_f64()
    );
    println!(
        "store:       {:.0} B per claim, {} distinct strings",
        store.bytes() as f64 / n.max(1) as f64,
        store.distinct_strings()
    );
    println!("threads:     {}", rayon::current_num_threads());
    println!("compare:     {:.2} s, {:.0} claims/s", compared.as_secs_f64(), n as f64 / compared.as_secs_f64());
    println!("cpu:         {cpu:.2} s (user and system, all threads)");
    println!("positions:   {}", findings.positions());
    println!("conflicts:   {} {kinds:?}", findings.conflicts());
    println!(
        "peak RSS:    {:.1} MiB after generating, {:.1} MiB after comparing",
        rss_claims as f64 / 1024.0,
        rss_compared as f64 / 1024.0
    );
    println!(
        "per claim:   {:.0} B for the claims, {:.0} B more for the comparison",
        rss_claims as f64 * 1024.0 / n.max(1) as f64,
        (rss_compared.saturating_sub(rss_claims)) as f64 * 1024.0 / n.max(1) as f64
    );
    if write_json {
        let started = Instant::now();
        let cpu = cpu_seconds();
        let bytes = write_comparison(&store, &findings);
        println!(
            "json:        {:.1} MiB in {:.2} s, {:.2} s CPU; peak RSS {:.1} MiB",
            bytes as f64 / (1 << 20) as f64,
            started.elapsed().as_secs_f64(),
            cpu_seconds() - cpu,
            peak_rss_kib().unwrap_or(0) as f64 / 1024.0
        );
    }
}

/// Writes the comparison as `serde_json` would (`{"positions":[…],"conflicts":[…]}`),
/// materialising a chunk of records at a time; returns the bytes written.
fn write_comparison(store: &compare::ClaimStore, findings: &compare::Findings) -> usize {
    use rayon::prelude::*;
    const CHUNK: usize = 4096;
    let mut out = std::io::sink();
    let mut written = 0;
    let mut write = |bytes: &[u8]| {
        written += bytes.len();
        std::io::Write::write_all(&mut out, bytes).ok();
    };
    write(b"{\"positions\":[");
    for (name, count) in [("positions", findings.positions()), ("conflicts", findings.conflicts())] {
        if name == "conflicts" {
            write(b"],\"conflicts\":[");
        }
        for start in (0..count).step_by(CHUNK) {
            let parts: Vec<Vec<u8>> = (start..(start + CHUNK).min(count))
                .into_par_iter()
                .map(|i| match name {
                    "positions" => findings.position(store, i).and_then(|p| serde_json::to_vec(&p).ok()),
                    _ => findings.conflict(store, i).and_then(|c| serde_json::to_vec(&c).ok()),
                })
                .map(Option::unwrap_or_default)
                .collect();
            for (k, part) in parts.iter().enumerate() {
                if start + k > 0 {
                    write(b",");
                }
                write(part);
            }
        }
    }
    write(b"]}");
    written
}

/// Writes the claims of `n` as JSON Lines to standard output, a batch at a time.
fn write_jsonl(n: usize) {
    use rayon::prelude::*;
    use std::io::Write;
    let config = SynthConfig::new(n, 42);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for start in (0..n).step_by(BATCH) {
        let lines: Vec<u8> = (start..(start + BATCH).min(n))
            .into_par_iter()
            .map(|i| {
                let mut line = serde_json::to_vec(&compare::synth::claim_at(&config, i)).unwrap_or_default();
                line.push(b'\n');
                line
            })
            .flatten_iter()
            .collect();
        if let Err(e) = out.write_all(&lines) {
            eprintln!("cannot write: {e}");
            return;
        }
    }
    out.flush().ok();
}
