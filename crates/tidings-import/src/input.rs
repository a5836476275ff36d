//! An export read as a stream: through a buffer of its own, refused past
//! [`crate::MAX_EXPORT_BYTES`], with the line of any byte already passed.
//!
//! An import reads its file once or twice from start to end and keeps only
//! the record in hand, so the file itself is never held. Errors still name
//! their line: the reader remembers where the line ends it has passed are,
//! until a line is asked for (lines are asked for in order).

use std::collections::VecDeque;
use std::io::{self, BufRead, Read};

/// How much of the file is read at a time.
const BUFFER: usize = 256 * 1024;

/// A reader over an export that counts its lines and stops at a limit.
pub(crate) struct Input<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// Bytes handed out so far (the offset of `buf[pos]`).
    consumed: u64,
    /// Bytes read from `inner` so far.
    read: u64,
    limit: u64,
    /// Offsets of the line ends passed and not yet counted.
    ends: VecDeque<u64>,
    /// Line ends counted.
    counted: u64,
}

impl<R: Read> Input<R> {
    pub(crate) fn new(inner: R) -> Self {
        Self::with_limit(inner, crate::MAX_EXPORT_BYTES)
    }

    pub(crate) fn with_limit(inner: R, limit: u64) -> Self {
        Self {
            inner,
            buf: vec![0; BUFFER].into_boxed_slice(),
            pos: 0,
            filled: 0,
            consumed: 0,
            read: 0,
            limit,
            ends: VecDeque::new(),
            counted: 0,
        }
    }

    /// The 1-based line of byte `offset`, which is at or after the offset
    /// last asked about (an earlier one answers that one's line).
    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        while self.ends.front().is_some_and(|&end| end < offset) {
            self.ends.pop_front();
            self.counted += 1;
        }
        self.counted + 1
    }
}

/// The error of a file larger than an import reads.
pub(crate) fn too_large(limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "the file is larger than {} MiB, the most one import reads",
            limit / (1024 * 1024)
        ),
    )
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let available = self.fill_buf()?;
            let n = available.len().min(out.len());
            out[..n].copy_from_slice(&available[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Input<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.filled {
            let n = loop {
                match self.inner.read(&mut self.buf) {
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    other => break other?,
                }
            };
            self.read += n as u64;
            if self.read > self.limit {
                return Err(too_large(self.limit));
            }
            self.pos = 0;
            self.filled = n;
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amount: usize) {
        let amount = amount.min(self.filled - self.pos);
        let start = self.consumed;
        let passed = &self.buf[self.pos..self.pos + amount];
        self.ends.extend(
            passed
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b'\n')
                .map(|(i, _)| start + i as u64),
        );
        self.pos += amount;
        self.consumed += amount as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_the_bytes_pass() {
        let mut input = Input::new(&b"a\nbb\n\nc"[..]);
        let mut all = String::new();
        input.read_to_string(&mut all).unwrap();
        assert_eq!(input.line_at(0), 1);
        assert_eq!(input.line_at(2), 2);
        assert_eq!(input.line_at(6), 4);
        assert_eq!(
            input.line_at(1),
            4,
            "an earlier offset answers the last line"
        );
        assert_eq!(input.line_at(u64::MAX), 4);
    }

    #[test]
    fn an_endless_stream_is_refused_at_the_limit() {
        let limit = 1024 * 1024;
        let mut input = Input::with_limit(io::repeat(b'<'), limit);
        let e = io::copy(&mut input, &mut io::sink()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert_eq!(
            e.to_string(),
            "the file is larger than 1 MiB, the most one import reads"
        );
        let exact = vec![b'x'; limit as usize];
        let mut input = Input::with_limit(&exact[..], limit);
        assert_eq!(io::copy(&mut input, &mut io::sink()).unwrap(), limit);
    }
}
