//! The progress bar of long runs, on standard error, and the printing of diagnostics around it.
//!
//! The bar shows only when standard error is a terminal, and it is taken off the screen while a
//! file's diagnostics are printed, then drawn again below them, so no stale bar line is ever left
//! among the diagnostics (when standard output and standard error are the same terminal).

use std::io::{self, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs with fewer files than this finish too fast for a bar to help.
const MIN_FILES: usize = 100;

/// Whether a run shows a progress bar: not when silenced by `--quiet` or `--no-progress`, only
/// when standard error is a terminal, and only for runs long enough to need one.
pub(crate) fn wanted(silenced: bool, stderr_is_terminal: bool, files: usize) -> bool {
    !silenced && stderr_is_terminal && files >= MIN_FILES
}

/// The bar of one run, or nothing.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar over `files` files on standard error when `show`, else nothing.
    pub(crate) fn new(files: usize, show: bool) -> Self {
        Self::with_target(files, show.then(ProgressDrawTarget::stderr))
    }

    fn with_target(files: usize, target: Option<ProgressDrawTarget>) -> Self {
        let bar = target.map(|target| {
            let bar = ProgressBar::with_draw_target(Some(files as u64), target);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Self { bar }
    }

    /// One more file done.
    pub(crate) fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Print what `write` produces to `out`, with the bar off the screen meanwhile.
    pub(crate) fn print(
        &self,
        out: &mut dyn Write,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let Some(bar) = &self.bar else {
            return write(out);
        };
        let mut buffer = Vec::new();
        write(&mut buffer)?;
        if buffer.is_empty() {
            return Ok(());
        }
        bar.suspend(|| {
            out.write_all(&buffer)?;
            out.flush()
        })
    }

    /// Take the bar off the screen for good.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::{Arc, Mutex};

    use indicatif::TermLike;

    use super::*;

    /// A terminal screen: lines of text and a cursor, written by the bar and the printer alike.
    #[derive(Debug, Default)]
    struct Screen {
        lines: Vec<String>,
        row: usize,
    }

    impl Screen {
        fn put(&mut self, text: &str) {
            for (i, piece) in text.split('\n').enumerate() {
                if i > 0 {
                    self.row += 1;
                }
                while self.lines.len() <= self.row {
                    self.lines.push(String::new());
                }
                self.lines[self.row].push_str(piece);
            }
        }
    }

    #[derive(Debug, Clone, Default)]
    struct Terminal(Arc<Mutex<Screen>>);

    impl TermLike for Terminal {
        fn width(&self) -> u16 {
            80
        }
        fn move_cursor_up(&self, n: usize) -> io::Result<()> {
            let mut screen = self.0.lock().unwrap();
            screen.row = screen.row.saturating_sub(n);
            Ok(())
        }
        fn move_cursor_down(&self, n: usize) -> io::Result<()> {
            self.0.lock().unwrap().row += n;
            Ok(())
        }
        fn move_cursor_right(&self, _n: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _n: usize) -> io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> io::Result<()> {
            self.0.lock().unwrap().put(&format!("{s}\n"));
            Ok(())
        }
        fn write_str(&self, s: &str) -> io::Result<()> {
            self.0.lock().unwrap().put(s);
            Ok(())
        }
        fn clear_line(&self) -> io::Result<()> {
            let mut screen = self.0.lock().unwrap();
            let row = screen.row;
            if let Some(line) = screen.lines.get_mut(row) {
                line.clear();
            }
            Ok(())
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Write for Terminal {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().put(&String::from_utf8_lossy(buf));
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn diagnostics_never_share_the_screen_with_a_stale_bar() {
        let mut terminal = Terminal::default();
        let target = ProgressDrawTarget::term_like_with_hz(Box::new(terminal.clone()), 255);
        let progress = Progress::with_target(3, Some(target));
        for name in ["a.md", "b.md", "c.md"] {
            progress.tick();
            assert!(
                terminal.0.lock().unwrap().lines.concat().contains("files"),
                "the bar is on the screen while files are linted"
            );
            progress
                .print(&mut terminal, |out| {
                    writeln!(out, "{name}:1:1: Q001 quotation opened")
                })
                .unwrap();
        }
        progress.finish();
        let screen = terminal.0.lock().unwrap();
        let shown: Vec<&str> = screen
            .lines
            .iter()
            .map(String::as_str)
            .filter(|line| !line.is_empty())
            .collect();
        assert_eq!(
            shown,
            [
                "a.md:1:1: Q001 quotation opened",
                "b.md:1:1: Q001 quotation opened",
                "c.md:1:1: Q001 quotation opened",
            ]
        );
    }

    #[test]
    fn the_bar_needs_a_terminal_a_long_run_and_no_silencing() {
        assert!(wanted(false, true, MIN_FILES));
        assert!(!wanted(false, false, 10_000), "not when stderr is piped");
        assert!(
            !wanted(true, true, 10_000),
            "not with --quiet or --no-progress"
        );
        assert!(!wanted(false, true, MIN_FILES - 1), "not for a short run");
    }
}
