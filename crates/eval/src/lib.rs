//! Scoring against gold annotations: which claims, values and conflicts a careful reader
//! finds in the corpus, and how many of them the tool finds too.
