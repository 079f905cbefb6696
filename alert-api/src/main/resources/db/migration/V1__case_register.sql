-- The case register: the One Stop Centre's record of each survivor's case, from the press (or a
-- walk-in, a 181 call, a referral) to closure. See docs/cases.md for the model and who sees what.

-- Agencies a case is referred to or worked by: the OSC, police stations, hospitals, DLSA legal aid,
-- the Child Welfare Committee, Shakti Sadan, counsellors, protection officers.
create table agency (
  id        text primary key,
  kind      text not null check (kind in ('OSC', 'POLICE_STATION', 'HOSPITAL', 'DLSA', 'CWC',
                                          'SHAKTI_SADAN', 'COUNSELLOR', 'PROTECTION_OFFICER')),
  district  text not null,
  name      text not null
);

-- The survivor, minimal by default: a pseudonymous id, and the panic device she pressed (so that
-- her presses are known to be hers). Her name, phone and address are meant to exist only as
-- ciphertext (AES-GCM, key from a secret), and only with consent: not written by any code yet.
create table survivor (
  id               text primary key,
  device_id        text unique,
  identity_cipher  bytea,
  identity_consent text
);

create sequence case_number;

create table survivor_case (
  id                 text primary key,
  origin             text not null check (origin in ('PANIC_PRESS', 'WALK_IN', 'CALL_181', 'REFERRAL')),
  -- An incident of the stream job: ids restart when a job starts without its state, so the
  -- incident is (id, opened_at), and a re-sent view of it never opens a second case.
  incident_id        text,
  incident_opened_at bigint,
  incident           jsonb,
  incident_steps     int,
  district           text,
  region             text,
  case_type          text not null default 'OTHER'
                     check (case_type in ('DOMESTIC_VIOLENCE', 'SEXUAL_ASSAULT', 'TRAFFICKING',
                                          'CHILD_ABUSE', 'OTHER')),
  state              text not null,
  closure_reason     text,
  survivor_id        text not null references survivor (id),
  -- Her age as this case knows it (an edit here changes no other case of hers).
  age_band           text not null default 'UNKNOWN'
                     check (age_band in ('UNKNOWN', 'UNDER_12', 'AGE_12_17', 'AGE_18_25',
                                         'AGE_26_40', 'AGE_41_60', 'OVER_60')),
  minor              boolean not null default false,
  opened_at          timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  version            int not null default 1,
  unique (incident_id, incident_opened_at)
);
-- A district's list, newest first (the list's two ways in, see CaseStore.list).
create index survivor_case_district on survivor_case (district, opened_at desc, id desc);
create index survivor_case_region on survivor_case (region, opened_at desc, id desc)
  where district is null;

-- Everything recorded on a case, append-only: service events (MEDICAL, POLICE, LEGAL, COUNSELLING,
-- SHELTER, CHILD), state changes, consents and referral steps. A later event supersedes an earlier
-- one; nothing is overwritten.
create table case_event (
  id           bigserial primary key,
  case_id      text not null references survivor_case (id),
  part         text not null,
  type         text not null,
  data         jsonb not null default '{}',
  happened_at  timestamptz not null,
  recorded_at  timestamptz not null default now(),
  actor        text not null,
  actor_agency text
);
create index case_event_case on case_event (case_id, id);

-- Her consent to share parts of her case with agencies (by kind or by id), recorded by a user.
create table consent (
  id           text primary key,
  case_id      text not null references survivor_case (id),
  parts        text[] not null,
  recipients   text[] not null,
  given_at     timestamptz not null,
  recorded_by  text not null,
  recorded_at  timestamptz not null default now(),
  withdrawn_at timestamptz,
  withdrawn_by text
);
create index consent_case on consent (case_id);

create sequence referral_number;

create table referral (
  id              text primary key,
  case_id         text not null references survivor_case (id),
  agency_id       text not null references agency (id),
  service         text not null,
  shares          text[] not null,
  state           text not null check (state in ('SENT', 'ACCEPTED', 'REJECTED', 'DONE', 'REVOKED')),
  reason          text,
  consent_id      text references consent (id),
  override_reason text,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  version         int not null default 1
);
create index referral_agency on referral (agency_id, state);
create index referral_case on referral (case_id);

-- Every read and write of a case: who, from which agency, what, when, from where.
create table case_audit (
  id      bigserial primary key,
  at      timestamptz not null default now(),
  actor   text not null,
  agency  text,
  action  text not null,
  case_id text,
  detail  text,
  remote  text
);
create index case_audit_case on case_audit (case_id, id);

-- A retried POST (same user, same requestId) answers as the first one did and records nothing.
create table request_once (
  actor      text not null,
  request_id text not null,
  scope      text not null,
  result     text not null,
  at         timestamptz not null default now(),
  primary key (actor, request_id)
);
