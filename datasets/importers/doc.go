// Package importers loads the public datasets of ../shared/datasets into the
// store: ATP tennis (source "atp"), World Athletics all-time lists
// ("world-athletics"), French swimming results ("ffn") and football-data.co.uk
// matches and odds ("football-data"). `podium import DATASET DIR` runs it.
//
// Each importer maps the source files, as published, to the store's column
// contracts (datasets.Contracts) as datasets.Rows streams — one part per
// source file, rows numbered by their source line so that a problem reads
// file:line: field: reason — and hands them to Store.Ingest, one load per
// source file (the athletes first): one load per dataset held gigabytes in
// DuckDB's transaction, and a stopped import resumes where it stopped.
// Every source row becomes one row
// (athletes: one per player, or per derived athlete; results: one per list
// row; matches: one per match row); a row that cannot be loaded at all is
// listed in Summary.Skipped with the reason, a value that had to be left
// empty or changed in Summary.Notes. A part's SHA-256 covers its source
// files and the mapping's version, so importing the same files again is a
// no-op, and a changed file loads again with its rows matched by natural key.
//
// The mapping, source column → Podium column (MAPPING.md has the full
// tables, the decisions and the measured row counts):
//
// Tennis, atp_players → athletes: player_id → source_id; name_first + " " +
// name_last → name ("ATP player <id>" when both are empty); sex M; dob
// YYYYMMDD → birth_date (empty when unknown or only a year (00)); ioc → nationality; height → height_cm
// (empty outside 50–250); hand → hand. atp_matches_YYYY,
// atp_matches_qual_chall_YYYY and atp_matches_futures_YYYY → matches:
// tourney_id + "-" + match_num → match_source_id (unique across all files);
// tourney_name → competition; tourney_date → date; winner_name → home,
// loser_name → away; winner_id, loser_id → home/away_athlete_source_id;
// winner_rank, loser_rank → home_rank, away_rank; score → score, status
// (RET → retired, W/O and UNP and byes → walkover, DEF → retired, ABD and
// "Played and abandoned" → abandoned, else completed) and sets won →
// home_score, away_score; result H except for abandoned matches; the file
// series → division (tour, qual-chall, futures); tourney_level → level
// (grand-slam, masters-1000, atp-tour, …); round → round.
//
// Athletics, {men,women}/<event>.csv → results: the file → discipline
// (100-metres → 100m, 4x400-metres-relay → 4x400m-relay, long-jump …),
// unit (s, m or pts) and lower_is_better; the folder → sex; Mark → mark in
// seconds, metres or points (a trailing h, hand timing, is dropped); WIND →
// wind; Pos "2sf1" → place 2, round sf1; Venue → venue; Date "16 AUG 2009" →
// date; "<sex>/<event>:<line>" → source_ref. Athletes are derived, one per
// distinct source_id sex|name key|DOB|Nat, relay teams included; a DOB of
// only a year or a month leaves birth_date empty; a DOB that would make the
// athlete younger than 4 or older than 100 at one of their results is
// withheld and noted. Rank and Results Score are not loaded.
//
// Swimming, swimmers.csv → results: ID → athlete_source_id; Age → age;
// Performance → mark (s); Gender 1/2 → sex; sport swimming, discipline
// 100m-freestyle, source_ref "swimmers:<line>". Athletes: one per ID, named
// "FFN swimmer <ID>", birth date unknown.
//
// Football, <country>/<Div>_<season>.csv → matches: Div|date|HomeTeam|AwayTeam
// → match_source_id; Div → division and competition (E0 → England Premier
// League, tier 1 …); Date dd/mm/yy or dd/mm/yyyy → date; FTHG, FTAG →
// home_score, away_score; HTHG, HTAG → ht_home_score, ht_away_score;
// result from the goals (FTR when they are missing); Referee → referee.
// Odds: every bookmaker's 1X2 (<code>H/D/A), over/under 2.5 (<code>>2.5,
// <code><2.5) and Asian handicap (<code>AHH/AHA, line <code>AH) → odds rows;
// PS* phase opening, PSC* closing, other books pre-match; Betbrain Bb*
// aggregates are not loaded; a market whose prices are not one book's
// market (a price ≤ 1, a missing selection, implied probabilities adding up
// to outside 0.99–1.30, an unreadable handicap) is noted and not loaded.
//
// Data flows one way: importers → datasets (the store) → features → models.
package importers
