//! A link list, one link per line: bounded line reading, and judging on
//! several threads with the output in input order.
//!
//! One thread reads and cuts the input into batches, `threads` workers judge
//! and render them, and the calling thread writes them in turn. A batch read
//! just before the input ran dry is marked, and the writer flushes after it,
//! so a live pipe (`tail -f log | binance-audit url`) sees each verdict as
//! soon as it is judged while a file is written in large blocks.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::render::Style;
use crate::bounded::{URL_LINE, URL_LINE_MAX, human};
use crate::i18n::Lang;
use crate::url::assess::Analyser;

/// Lines per batch: large enough that channel traffic is noise, small enough
/// that a worker's output stays in cache.
const BATCH: usize = 1024;

/// The lines of one input, each cut at `URL_LINE` bytes.
pub struct Lines<R> {
    reader: BufReader<R>,
    raw: Vec<u8>,
    n: usize,
    lang: Lang,
}

impl<R: Read> Lines<R> {
    pub fn new(reader: R, lang: Lang) -> Lines<R> {
        Lines {
            reader: BufReader::with_capacity(1 << 16, reader),
            raw: Vec::new(),
            n: 0,
            lang,
        }
    }

    /// The next line without its end, invalid UTF-8 replaced; `None` at the
    /// end. A line past `URL_LINE_MAX` is an `InvalidData` error: that input
    /// is not a list of links (`/dev/zero` is one endless line).
    pub fn next_line(&mut self) -> io::Result<Option<std::borrow::Cow<'_, str>>> {
        self.raw.clear();
        self.n += 1;
        // A line without end is cut off at the limit, not read until memory
        // runs out.
        if (&mut self.reader)
            .take(URL_LINE as u64 + 1)
            .read_until(b'\n', &mut self.raw)?
            == 0
        {
            return Ok(None);
        }
        if self.raw.len() > URL_LINE && self.raw.last() != Some(&b'\n') {
            // Judge the first part; skip the rest of the line unstored.
            self.raw.truncate(URL_LINE);
            if skip_line(&mut self.reader, URL_LINE_MAX - URL_LINE)? {
                let msg = crate::t!(
                    self.lang,
                    "url-error-line-too-long",
                    n = self.n,
                    limit = human(URL_LINE_MAX)
                );
                return Err(io::Error::new(io::ErrorKind::InvalidData, msg));
            }
        }
        if self.raw.last() == Some(&b'\n') {
            self.raw.pop();
        }
        if self.raw.last() == Some(&b'\r') {
            self.raw.pop();
        }
        Ok(Some(String::from_utf8_lossy(&self.raw)))
    }

    /// Whether the next line is already read, so that a wait for it would
    /// not be a wait for the writer of the input.
    pub fn waiting(&self) -> bool {
        !self.reader.buffer().is_empty()
    }
}

/// Consume up to and including the next newline; true if more than `limit`
/// bytes came first.
fn skip_line<R: BufRead>(reader: &mut R, limit: usize) -> io::Result<bool> {
    let mut skipped = 0usize;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(false);
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n;
        if skipped > limit {
            return Ok(true);
        }
    }
}

/// Lines read, waiting to be judged.
struct Batch {
    /// The lines, each followed by '\n' (a line holds none of its own).
    text: String,
    /// Index of the first line among all verdicts of the run (from 1).
    first: usize,
    /// The input had nothing more waiting after this batch.
    flush: bool,
}

/// A batch judged and rendered.
pub struct Judged {
    pub bytes: Vec<u8>,
    /// Verdicts per kind, in `VerdictKind` severity order (see `Tally`).
    pub tally: Tally,
    flush: bool,
}

/// How many verdicts of each kind, and whether any raises the alarm.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub counts: [usize; 5],
    pub n: usize,
    pub alarm: bool,
}

impl Tally {
    pub fn add(&mut self, v: crate::url::verdict::VerdictKind) {
        self.counts[super::kind_index(v)] += 1;
        self.n += 1;
        self.alarm |= v.is_alarm();
    }
    fn merge(&mut self, o: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(o.counts) {
            *a += b;
        }
        self.n += o.n;
        self.alarm |= o.alarm;
    }
}

/// Judge every line of `lines` on `threads` workers and write the rendered
/// verdicts to `out` in input order, numbering from `tally.n + 1`. Adds to
/// `tally`. Returns the first error of reading, judging or writing.
pub fn judge_parallel<R: Read + Send + 'static>(
    mut lines: Lines<R>,
    style: Style,
    threads: usize,
    tally: &mut Tally,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut inputs: Vec<SyncSender<Batch>> = Vec::new();
    let mut outputs: Vec<Receiver<Judged>> = Vec::new();
    for _ in 0..threads {
        // Two in flight per worker keep every worker busy while the writer
        // copies; see `reader` for why the round robin cannot deadlock.
        let (to_worker, worker_in) = sync_channel::<Batch>(2);
        let (worker_out, from_worker) = sync_channel::<Judged>(2);
        std::thread::spawn(move || {
            let mut an = Analyser::new();
            for batch in worker_in {
                let mut j = Judged {
                    bytes: Vec::with_capacity(batch.text.len() * 8),
                    tally: Tally::default(),
                    flush: batch.flush,
                };
                for (i, line) in batch.text.split_terminator('\n').enumerate() {
                    let v = an.analyse(line);
                    j.tally.add(v.verdict);
                    style.verdict(&v, batch.first + i, &mut j.bytes);
                }
                if worker_out.send(j).is_err() {
                    return;
                }
            }
        });
        inputs.push(to_worker);
        outputs.push(from_worker);
    }
    // Batch k goes to worker k % threads and is written k-th. The writer
    // waits on the worker of the oldest batch in flight; that worker has
    // already been sent that batch, and its output channel holds only older
    // ones, which the writer has taken, so it can always hand it over.
    let first = tally.n + 1;
    let reader = std::thread::spawn(move || -> io::Result<usize> {
        let mut sent = 0usize;
        let mut next = first;
        loop {
            let mut batch = Batch {
                text: String::new(),
                first: next,
                flush: false,
            };
            let mut count = 0;
            // Ok(true) at the end of the input; an error ends it too, after
            // the lines before it are judged.
            let mut end = Ok(false);
            while count < BATCH {
                match lines.next_line() {
                    Ok(Some(l)) => {
                        // Lines end at '\n', so none holds one.
                        batch.text.push_str(&l);
                        batch.text.push('\n');
                        count += 1;
                    }
                    Ok(None) => {
                        end = Ok(true);
                        break;
                    }
                    Err(e) => {
                        end = Err(e);
                        break;
                    }
                }
                if !lines.waiting() {
                    break;
                }
            }
            if count > 0 {
                batch.flush = !lines.waiting();
                next += count;
                if inputs[sent % inputs.len()].send(batch).is_err() {
                    // The writer stopped (a closed pipe or an error).
                    return Ok(sent);
                }
                sent += 1;
            }
            if end? {
                return Ok(sent);
            }
        }
    });
    let mut written = 0usize;
    // Every batch is written once the reader is done and the workers have
    // hung up.
    while let Ok(j) = outputs[written % outputs.len()].recv() {
        out.write_all(&j.bytes)?;
        if j.flush {
            out.flush()?;
        }
        tally.merge(&j.tally);
        written += 1;
    }
    match reader.join() {
        Ok(Ok(sent)) if sent == written => Ok(()),
        Ok(Ok(_)) => Err(io::Error::other(crate::t!(
            style.lang,
            "url-error-worker-stopped"
        ))),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(io::Error::other(crate::t!(
            style.lang,
            "url-error-reader-stopped"
        ))),
    }
}
