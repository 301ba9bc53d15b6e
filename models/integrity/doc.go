// Package integrity is Podium's match-fixing detector: it reads football
// matches and bookmakers' prices from the store, measures the signs a fix
// leaves in the betting market and in the result, combines them into a
// score per match, tests teams and referees for runs of suspicious results,
// and returns alerts with evidence packs for integrity officers.
//
// # Data
//
// Load reads every played football match and its 1x2 and over/under 2.5
// prices (odds table: bookmaker × market × selection × phase). Margins are
// removed with Shin's method (package odds). A match is scored when at
// least one book quotes it at two moments (opening and closing): in the
// simulator five books at three moments; in football-data only Pinnacle
// (PS opening, PSC closing; England from 2015-16), the other books' single
// pre-match price serving for the cross-book divergence.
//
// # Signals (all on the outcome that came in; higher = more suspicious)
//
//   - consensus_move, max_book_move, steam_books: the result's probability
//     rising opening → closing at the median of the moving books, at the
//     single book that moved most, and the number of books that moved by
//     SteamMove (3 points) or more. Books whose opening price lies more than
//     OutlierDist (10 points) from the opening consensus are left out.
//   - divergence: the cross-book range of the result's probability at the
//     books' last prices (steam hits some books and not others).
//   - model_gap: closing market minus the Dixon–Coles goals model (package
//     goals, walk-forward, no look-ahead), in standard deviations of that gap.
//     Elo (models/rating, K 20, home advantage 35, tuned on England
//     2012–15) is priced too and shown in the evidence.
//   - improbable: −ln of the opening consensus probability of the result.
//   - shin_z_change: the rise of Shin's insider share z at the moving books.
//   - evidence only: reverse_books, ou_surprise (over/under 2.5), ah_surprise
//     (the Asian-handicap side that won), late_reversal
//     (half-time leader did not win) — no labelled case tests them, so they
//     do not enter the score.
//
// # Score and alerts
//
// There are no labelled real fixes to fit weights on, and fitting them to
// the simulator would learn its planting recipe; so the combination is
// rank-based: each signal becomes its tail share among the scored matches
// (the share with a value at least as high) and the shares are combined by
// Fisher's method, −2 Σ ln share, with a χ²(2k) p-value. The signals are
// correlated, so the p-value is a ranking score, not a probability.
// MatchAlerts alerts matches with p ≤ Alpha (1e-4), at most MaxRate
// (0.5 %) of the scored matches — in line with the ~0.2 % of events
// Sportradar's monitoring flags, where a "10-point move" rule flags far
// more. Severity is log p / log Alpha², 0.5 at the threshold.
//
// Entities (package entity): each match with movement gives every team and
// its referee one trial — the outcomes whose probability rose by EntityMove
// (6 points) at some book are "steamed"; the trial's probability is their
// closing consensus probability, a hit when one came in. The exact
// Poisson-binomial tail and Benjamini–Hochberg q-values across all entities
// give the alerts at FDR 5 %.
//
// # Measured (go test -run 'TestEvaluate' -v; figures in the tests' logs)
//
// Simulator, five leagues (seeds 1–5, 4,550 matches, 33 planted fixes =
// 0.7 %): at 0.2 % of matches alerted recall 30 % (precision 100 %: the
// budget is 10 alerts), at 0.5 % 70 % (92 %), at 1 % 88 % (58 %), at 2 %
// 100 % (35 %); the consensus-move-only ranking finds 30, 55, 61 and 67 %;
// the any-10-point rule flags 2.6 % of matches for 91 % recall, a 10 %
// price move 60 % of matches. Entity level: 0 of the 9 compromised referees
// reach q ≤ 0.05 (each has only one or two fixes among 50–75 matches: too
// few to separate from chance), 1 other entity of 149 flagged.
//
// England 2015–18, Pinnacle opening → closing (7,722 matches): untouched,
// 33 matches alerted (0.43 %; the top ones are late Pinnacle moves towards
// the eventual winner that the other books' pre-match prices did not
// share), 0 of 253 teams and referees at q ≤ 0.05 (steamed results summed
// over all entity trials: 348 against 324 expected — the market's closing
// probabilities are close to honest here). The any-10-point rule flags
// 0.51 %, a 10 % price move 28 %. Steam planted on the result's closing
// price in 40 random matches (p → p·1.25): recall 28 / 45 / 60 / 83 % at
// 0.2 / 0.5 / 1 / 2 % alerted (consensus-only 25 / 38 / 53 / 65 %);
// p → p·1.5: 33 / 83 / 100 / 100 % (consensus-only 40 / 85 / 98 / 100 %);
// p → p·1.5 on underdog results (opening 0.1–0.4): 30 / 78 / 95 / 100 %
// (35 / 83 / 90 / 95 %). With one moving book a large move is the whole
// signal, so the combination adds little over the consensus move for big
// plants and helps for small ones. Log-loss of the result: closing market
// 1.0255, opening 1.0256, Dixon–Coles 1.0439, Elo 1.0486 — the market beats
// both results-only models (simulator: 1.0425, 1.0496, 1.0831, 1.1114).
//
// # Planted fixes (Plant, Evaluate; podium evaluate integrity)
//
// Plant copies the matches and plants fixes in random scored matches, three
// documented patterns in turn (sizes in probability points, uniform in the
// ranges): steam, money against the eventual loser — the winner (opening
// probability 0.10–0.50) gains 6–12 points at every book's closing price;
// outlier_book, one book's last price 8–15 points closer to the winner
// (opening 0.10–0.60; a single-price book when there is one); and
// favourite_loses, a clear favourite (opening ≥ 0.60) that did not lose now
// loses, after its closing probability fell 2–5 points. Evaluate runs the
// detector at Default and counts alerts. England 2015–18, 30 plants per
// trial, 5 trials (seeds 1–5, 150 plants; podium evaluate integrity --db
// football.duckdb --trials 5): recall 23 % (35 of 150; target ≥ 90 %:
// missed) — steam 62 %, outlier_book 8 %, favourite_loses 0 % — precision
// 22 %, untouched matches alerted 0.33 % (target ≤ 0.5 %: met). Among the
// top 2 % of the ranking, the operating point aside: steam 88 %,
// outlier_book 10 %, favourite_loses 0 %. The any-10-point rule flags 46,
// 2 and 0 % of them at 0.50 % of the untouched matches. Alerts stop at
// p ≤ Alpha (about 32 a trial, under the 39 of MaxRate). A book 8–15 points
// off lifts one signal, divergence, only to a tail share of 0.03–0.3 %
// (honest cross-book ranges of that size occur), the other signals stay
// typical, and Fisher's sum over seven signals gives p ≈ 0.01–0.2; a
// favourite losing after a modest drift lifts only improbable (tail share
// 0.1–2 %), like the many honest upsets — one match says too little, and
// only repeats (entities) can show it.
package integrity
