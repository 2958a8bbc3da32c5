//! The training code on three hand-annotated sentences.

use super::*;

const DATA: &str = "# doc = a
0\tOfficials\tNNS\t1\tnsubj
1\tsaid\tVBD\t-1\tROOT
2\tthe\tDT\t3\tdet
3\tstrike\tNN\t4\tnsubj
4\tfailed\tVBD\t1\tccomp
5\t.\t.\t1\tpunct

0\tThe\tDT\t1\tdet
1\treport\tNN\t3\tnsubjpass
2\twas\tVBD\t3\tauxpass
3\tdenied\tVBN\t-1\tROOT
4\tby\tIN\t3\tagent
5\tMoscow\tNNP\t4\tpobj
6\t.\t.\t3\tpunct

0\tLavrov\tNNP\t2\tposs
1\t's\tPOS\t0\tcase
2\tremarks\tNNS\t3\tnsubj
3\tdid\tVBD\t5\taux
4\tn't\tRB\t5\tneg
5\thelp\tVB\t-1\tROOT
6\t.\t.\t5\tpunct
";

#[test]
fn reads_conll_and_names_bad_lines() {
    let data = read_conll(DATA).unwrap_or_default();
    assert_eq!(data.len(), 3);
    assert_eq!(data[1].heads[3], None);
    assert_eq!(data[2].deps[4], Dep::Neg);
    assert_eq!(read_conll("0\tword\tNN\n"), Err("line 1: expected 5 tab-separated fields".into()));
    assert_eq!(read_conll("0\tw\tNN\tx\tdep\n"), Err("line 1: head `x` is not a number".into()));
    assert!(read_conll("0\tw\tNN\t7\tdep\n").is_err());
}

#[test]
fn a_model_trained_on_three_sentences_reproduces_them() {
    let data = read_conll(DATA).unwrap_or_default();
    let config = Config { tagger_epochs: 10, parser_epochs: 15, min_weight: 1, ..Config::default() };
    let bytes = train(&data, &config).unwrap_or_default();
    let parser = Parser::from_bytes(&bytes);
    assert!(parser.is_ok(), "{parser:?}");
    if let Ok(parser) = parser {
        let a = agreement(&parser, &data);
        assert_eq!((a.tags, a.heads, a.labelled), (a.tokens, a.tokens, a.tokens), "{}", a.summary());
        // The same sentence through the public API, with clitics joined again.
        let parse = parser.parse(&["Lavrov's", "remarks", "didn't", "help", "."]);
        assert_eq!((parse.head(0), parse.dep(0)), (Some(1), Dep::Poss));
        assert_eq!((parse.head(2), parse.dep(2)), (Some(3), Dep::Neg));
        assert_eq!(parse.tag(2), Tag::VBD);
        assert_eq!(parse.subtree(1), 0..2);
    }
}

#[test]
fn pruning_keeps_a_valid_model_and_drops_weights() {
    let data = read_conll(DATA).unwrap_or_default();
    let config = Config { tagger_epochs: 3, parser_epochs: 3, min_weight: 1, ..Config::default() };
    let bound = |tagger, moves, labels| Pruning { tagger, moves, labels };
    let bytes = train(&data, &config).unwrap_or_default();
    assert_eq!(prune(&bytes, bound(1, 1, 1)).as_ref(), Ok(&bytes));
    let pruned = prune(&bytes, bound(20000, 20000, 20000)).unwrap_or_default();
    assert!(!pruned.is_empty() && pruned.len() < bytes.len());
    assert!(Parser::from_bytes(&pruned).is_ok());
    // The tagger and the parser are pruned apart.
    let parser_only = prune(&bytes, bound(1, 20000, 20000)).unwrap_or_default();
    assert!(pruned.len() < parser_only.len() && parser_only.len() < bytes.len());
    assert_eq!(tagger_of(&parser_only), tagger_of(&bytes));
    // The labeller apart from the transition model.
    let moves_only = prune(&bytes, bound(1, 20000, 1)).unwrap_or_default();
    assert!(parser_only.len() < moves_only.len() && moves_only.len() < bytes.len());
    assert!(prune(&bytes[..bytes.len() - 1], bound(2, 2, 2)).is_err());
}

/// The oracle at the end of "Berlin , Rome blamed" with "Berlin" and "blamed" left
/// headless on the stack: put "blamed" back when the teacher makes it Berlin's head,
/// leave it a root when the teacher has two roots.
#[test]
fn the_oracle_puts_a_word_back_only_when_the_teacher_joins_the_roots() {
    let conll = |berlin_head: &str| {
        format!(
            "0\tBerlin\tNNP\t{berlin_head}\tnsubj\n1\t,\t,\t0\tpunct\n2\tRome\tNNP\t3\tnsubj\n3\tblamed\tVBD\t-1\tROOT\n"
        )
    };
    for (berlin_head, want) in [("3", [0, 1]), ("-1", [1, 0])] {
        let data = read_conll(&conll(berlin_head)).unwrap_or_default();
        let golds = golds(&data);
        let mut state = State::new(&data[0].tags);
        for m in [Move::Shift, Move::Right(5), Move::Reduce, Move::Shift, Move::Left(7), Move::Shift] {
            state.apply(m);
        }
        assert!(state.would_leave_two_roots());
        assert_eq!(golds[0].ending_costs(&state), want, "Berlin's head {berlin_head}");
    }
}

#[test]
fn training_is_deterministic() {
    let data = read_conll(DATA).unwrap_or_default();
    let config = Config { tagger_epochs: 3, parser_epochs: 3, ..Config::default() };
    assert_eq!(train(&data, &config), train(&data, &config));
}

#[test]
fn snapshots_hand_over_the_model_after_the_epochs_asked_for() {
    let data = read_conll(DATA).unwrap_or_default();
    let config = Config { tagger_epochs: 3, parser_epochs: 3, snapshots: vec![1, 3], ..Config::default() };
    let tagger = train_tagger(&data, &config).finish(config.min_weight);
    let mut seen = Vec::new();
    let last = train_parser_with(&data, &config, tagger, |epoch, bytes| seen.push((epoch, bytes)));
    assert_eq!(seen.iter().map(|s| s.0).collect::<Vec<_>>(), [1, 3]);
    // The last epoch's snapshot is the model returned; the first is an earlier average.
    assert_eq!(last.as_ref(), Ok(&seen[1].1));
    assert_ne!(seen[0].1, seen[1].1);
    assert!(Parser::from_bytes(&seen[0].1).is_ok());
}

#[test]
fn jackknifed_tags_come_from_taggers_that_never_saw_the_sentence() {
    let data = read_conll(DATA).unwrap_or_default();
    let config = Config { tagger_epochs: 10, ..Config::default() };
    let tagger = train_tagger(&data, &config).finish(config.min_weight);
    let gold: Vec<Vec<Tag>> = data.iter().map(|s| s.tags.clone()).collect();
    // The tagger trained on all three sentences tags them as the teacher did.
    assert_eq!(tags_for_parser(&data, &config, &tagger), Ok(gold.clone()));
    // Each sentence tagged by a tagger trained on the other two: one sentence each, in order.
    let jackknifed = tags_for_parser(&data, &Config { jackknife: 3, ..config }, &tagger).unwrap_or_default();
    assert_eq!(jackknifed.iter().map(Vec::len).collect::<Vec<_>>(), [6, 7, 7]);
    assert_ne!(jackknifed, gold, "words never seen are tagged as best the others allow");
}
