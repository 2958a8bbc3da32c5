//! Same claims, same bytes: whatever the input order, the thread count, or a JSON Lines
//! round trip through another process's output.

use claim::Checks;
use claim::Claim;
use compare::synth::{SynthConfig, generate};
use compare::{compare, read_claims_jsonl};
use proptest::prelude::*;

fn bytes_in_pool(claims: &[Claim], threads: usize) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build();
    let run = || serde_json::to_vec(&compare(claims, &Checks::default())).unwrap_or_default();
    match pool {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

fn corpus() -> Vec<Claim> {
    let mut config = SynthConfig::new(3000, 7);
    // Fewer propositions and states than the default so every kind shows up.
    config.propositions = 100;
    config.states = 40;
    generate(&config)
}

#[test]
fn synthetic_corpus_has_every_kind() {
    let comparison = compare(&corpus(), &Checks::default());
    for kind in claim::ConflictKind::ALL {
        let found: Vec<_> = comparison.conflicts.iter().map(|c| c.kind).collect();
        assert!(found.contains(&kind), "no {kind} conflict in the synthetic corpus: {found:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]
    #[test]
    fn shuffled_input_and_any_pool_give_identical_bytes(seed in any::<u64>()) {
        let claims = corpus();
        let expected = bytes_in_pool(&claims, 1);
        prop_assert!(expected.len() > 1000);
        let mut shuffled = claims;
        // Fisher-Yates with a splitmix sequence from the proptest seed.
        let mut state = seed;
        for i in (1..shuffled.len()).rev() {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            shuffled.swap(i, ((z ^ (z >> 31)) % (i as u64 + 1)) as usize);
        }
        prop_assert!(bytes_in_pool(&shuffled, 1) == expected);
        prop_assert!(bytes_in_pool(&shuffled, 4) == expected);
    }
}

#[test]
fn jsonl_round_trip_compares_identically() {
    let claims = corpus();
    let mut text = String::new();
    for claim in &claims {
        text.push_str(&serde_json::to_string(claim).unwrap_or_default());
        text.push('\n');
    }
    text.push_str("\n{\"not\": \"a claim\"}\n");
    let (read, errors) = read_claims_jsonl(text.as_bytes());
    assert_eq!(read.len(), claims.len());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, claims.len() + 2);
    let a = serde_json::to_vec(&compare(&claims, &Checks::default())).unwrap_or_default();
    let b = serde_json::to_vec(&compare(&read, &Checks::default())).unwrap_or_default();
    assert!(a == b);
}
