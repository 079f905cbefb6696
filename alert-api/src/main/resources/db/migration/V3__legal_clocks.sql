-- The legal clocks running on cases (docs/cases.md, "The legal clocks"): one row per clock
-- started on a case, from the state's clock policy. Its title, source and part are copied from
-- the policy when it starts, so the case shows what it was started under.
create table case_clock (
  id             bigserial primary key,
  case_id        text not null references survivor_case (id),
  -- The case's district, kept here for the district's board (a case does not change district).
  district       text,
  clock          text not null,
  policy_version text not null,
  title          text not null,
  source         text not null,
  part           text not null,
  started_at     timestamptz not null,
  due_at         timestamptz not null,
  start_event    text,
  state          text not null check (state in ('RUNNING', 'MET', 'CLOSED')),
  -- It went past its due time while running (stays true once met late).
  breached       boolean not null default false,
  ended_at       timestamptz,
  ended_by       text,
  -- The next step (reminder, overdue, escalation) and when it is due; null when none is left.
  next_step      int not null default 0,
  next_fire_at   timestamptz
);
-- One running instance of a clock per case.
create unique index case_clock_running on case_clock (case_id, clock) where state = 'RUNNING';
create index case_clock_case on case_clock (case_id, id);
-- The watcher's scan: running clocks with a step due.
create index case_clock_next on case_clock (next_fire_at) where state = 'RUNNING' and next_fire_at is not null;
-- The district board: a district's running clocks by due time.
create index case_clock_board on case_clock (district, due_at) where state = 'RUNNING';
