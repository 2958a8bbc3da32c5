//! Tests of the look-up table: every layout scores as the plain sum of its features' weights.

use super::*;
use std::collections::HashMap;

/// A small deterministic generator (no test depends on a seed's luck: every case is
/// checked against the plain sum).
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

#[test]
fn a_count_beyond_the_bytes_is_an_error_not_an_allocation() {
    let mut bytes = Vec::new();
    encode(&mut bytes, 4, &[(9, vec![(1, 5)])]);
    bytes[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(Model::decode(&mut Reader::new(&bytes)).err(), Some(ModelError("truncated")));
}

#[test]
fn features_decode_to_the_same_scores_in_any_order() {
    let features: Vec<(u32, Vec<(u8, i16)>)> =
        (1..2_000u32).map(|k| (k.wrapping_mul(2_654_435_761).max(1), vec![((k % 7) as u8, k as i16)])).collect();
    let mut ordered = Vec::new();
    encode(&mut ordered, 7, &features);
    // The same features written in reverse order of their home slots.
    let mut reversed = ordered[..8].to_vec();
    let records: Vec<&[u8]> = ordered[8..].chunks(8).collect();
    for record in records.iter().rev() {
        reversed.extend_from_slice(record);
    }
    assert_ne!(ordered, reversed);
    let a = Model::decode(&mut Reader::new(&ordered)).unwrap_or_else(|e| panic!("{e}"));
    let b = Model::decode(&mut Reader::new(&reversed)).unwrap_or_else(|e| panic!("{e}"));
    for (key, list) in &features {
        let (mut x, mut y) = ([0i32; 256], [0i32; 256]);
        a.score(&[*key], &mut x);
        b.score(&[*key], &mut y);
        assert_eq!(x, y);
        assert_eq!(x[usize::from(list[0].0)], i32::from(list[0].1));
    }
}

/// The parser's transition model: four classes, each feature with a weight for some of
/// them, held by class. Scores as the plain sum, the constant feature (the bias) once.
#[test]
fn a_model_of_four_classes_scores_as_the_plain_sum() {
    let mut state = 11;
    let mut features: Vec<(u32, Vec<(u8, i16)>)> = (0..3_000u32)
        .map(|_| {
            let key = (next(&mut state) as u32).max(1);
            let mut list = Vec::new();
            for class in 0..4u8 {
                if !next(&mut state).is_multiple_of(3) {
                    list.push((class, next(&mut state) as i16));
                }
            }
            (key, list)
        })
        .collect();
    features.sort_by_key(|f| f.0);
    features.dedup_by_key(|f| f.0);
    let mut bytes = Vec::new();
    encode(&mut bytes, 4, &features);
    let mut model = Model::decode(&mut Reader::new(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    assert!(model.dense);
    model.set_constant(features[0].0);
    for round in 0..200 {
        let keys: Vec<u32> = (0..38)
            .map(|i| {
                if i % 4 == 0 {
                    (next(&mut state) as u32).max(1)
                } else {
                    features[(round * 38 + i) % features.len()].0
                }
            })
            .collect();
        let mut want = [0i32; 4];
        for (key, list) in features.iter().filter(|f| f.0 == features[0].0 || keys.contains(&f.0)) {
            let times = if *key == features[0].0 { 1 } else { keys.iter().filter(|&&k| k == *key).count() };
            for &(class, weight) in list {
                want[usize::from(class)] += i32::from(weight) * times as i32;
            }
        }
        let mut got = [7i32; 256];
        model.score(&keys, &mut got);
        assert_eq!(got[..4], want, "round {round}");
        assert_eq!(got[4], 7, "places past the classes stay as they are");
    }
}

#[test]
fn table_scores_exactly_as_the_plain_sum_of_entries() {
    let classes = 92;
    let mut state = 7;
    let mut features: Vec<(u32, Vec<(u8, i16)>)> = Vec::new();
    for f in 0..5_000u32 {
        // Entry counts from 1 to 40, so both inline and spilled features occur.
        let n = 1 + (next(&mut state) % if f % 5 == 0 { 40 } else { 4 }) as usize;
        let list = (0..n).map(|_| ((next(&mut state) % classes) as u8, next(&mut state) as i16)).collect();
        features.push(((next(&mut state) as u32).max(1), list));
    }
    features.sort_by_key(|f| f.0);
    features.dedup_by_key(|f| f.0);
    let plain: HashMap<u32, Vec<(u8, i16)>> = features.iter().cloned().collect();
    let mut bytes = Vec::new();
    encode(&mut bytes, classes as usize, &features);
    let decoded = Model::decode(&mut Reader::new(&bytes)).unwrap_or_else(|e| panic!("{e}"));
    // The same features packed in buckets (the labeller's layout), with the constant set.
    let mut packed = Model::decode(&mut Reader::new(&bytes)).and_then(Model::packed).unwrap_or_else(|e| panic!("{e}"));
    assert!(packed.packed_table().is_some());
    assert_eq!(packed.check_table(), Ok(()));
    assert_eq!(packed.feature_count(), features.len());
    let mut built = Model::from_features(classes as usize, features.clone()).unwrap_or_else(|e| panic!("{e}"));
    // A constant feature is counted once, whether or not it is among the keys.
    let constant = features[3].0;
    built.set_constant(constant);
    packed.set_constant(constant);
    assert_eq!(decoded.feature_count(), features.len());
    for round in 0..300 {
        // Known keys and unknown ones, more than one chunk of look-ups in some rounds.
        let len = if round % 10 == 0 { 300 } else { 76 };
        // The constant feature once, first, as the tagger's and parser's bias.
        let mut keys: Vec<u32> = vec![constant];
        keys.extend(
            (0..len)
                .map(|i| {
                    if i % 3 == 0 {
                        (next(&mut state) as u32).max(1)
                    } else {
                        features[next(&mut state) as usize % features.len()].0
                    }
                })
                .filter(|&k| k != constant),
        );
        let mut want = vec![0i32; classes as usize];
        for key in &keys {
            for &(class, weight) in plain.get(key).map_or(&[][..], |v| &v[..]) {
                want[usize::from(class)] += i32::from(weight);
            }
        }
        for model in [&decoded, &built, &packed] {
            let mut got = [1i32; 256];
            model.score(&keys, &mut got);
            assert_eq!(got[..classes as usize], want, "round {round}");
        }
    }
}
