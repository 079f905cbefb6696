-- Telling agencies about a case (docs/cases.md, "Who is told"), through the alert path's channels,
-- from an outbox written in the same transaction as the change it tells of.

-- The post that speaks for an agency (a key of the officials file, e.g. SHO:Capital Police Station).
alter table agency add column post text;

-- One notice per cause and post: a referral step or a service event that others on the case are
-- entitled to know of. (case_id, cause, post) is unique, so a cause is never told twice to a post.
create table case_notice (
  id         bigserial primary key,
  case_id    text not null references survivor_case (id),
  cause      text not null,
  post       text not null,
  agency_id  text,
  created_at timestamptz not null default now(),
  unique (case_id, cause, post)
);
create index case_notice_case on case_notice (case_id, id);

-- Each notice's deliveries, one per channel that reaches the post. due_at (epoch ms, as the alert
-- outbox keeps it) is when it is next tried; a claim moves it to the end of the claimant's lease;
-- null once SENT or FAILED. The id is the idempotency key the provider sees.
create table notice_delivery (
  id         text primary key,
  notice_id  bigint not null references case_notice (id),
  channel    text not null,
  subject    text not null,
  body       text not null,
  attempt    int not null default 0,
  queued_at  bigint not null,
  due_at     bigint
);
create index notice_delivery_due on notice_delivery (due_at) where due_at is not null;

-- What became of each delivery, oldest first: QUEUED, RETRYING, SENT, DELIVERED, FAILED.
create table notice_receipt (
  id          bigserial primary key,
  notice_id   bigint not null references case_notice (id),
  delivery_id text not null,
  channel     text not null,
  status      text not null,
  attempt     int not null,
  at          bigint not null,
  detail      text
);
create index notice_receipt_notice on notice_receipt (notice_id, id);

-- The posts a case has been escalated to (SP, DM, CMO, by the rescue's alerts or, later, by a
-- legal clock): each sees the case's summary and the part its post oversees, read-only.
create table case_escalation (
  case_id text not null references survivor_case (id),
  post    text not null,
  source  text not null,
  at      timestamptz not null default now(),
  primary key (case_id, post)
);
create index case_escalation_post on case_escalation (post, case_id);
