//! Drawing with 10,000 reports loaded: one frame of each tab, and a key press
//! to the next frame (issue 6: at most 5 ms).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use zhenggai::tui::action::{Action, Tab};
use zhenggai::tui::app::App;
use zhenggai::tui::theme::Theme;
use zhenggai::tui::ui;

const REPORTS: usize = 10_000;

fn app() -> App {
    common::app(REPORTS)
}

fn bench_render(c: &mut Criterion) {
    let mut app = app();
    let theme = Theme::dark();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut group = c.benchmark_group("render 10000 reports");
    for tab in Tab::ALL {
        app.update(Action::Tab(tab));
        group.bench_function(format!("frame {tab:?}"), |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| {
                        black_box(ui::draw(frame, &app, &theme));
                    })
                    .unwrap();
            })
        });
    }
    for tab in [Tab::Overview, Tab::Problems, Tab::Deadlines] {
        app.update(Action::Tab(tab));
        app.update(Action::Top);
        group.bench_function(format!("Down + frame {tab:?}"), |b| {
            b.iter(|| {
                app.update(Action::Down);
                terminal
                    .draw(|frame| {
                        black_box(ui::draw(frame, &app, &theme));
                    })
                    .unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
