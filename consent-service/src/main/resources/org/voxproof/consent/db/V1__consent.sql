-- Consent service (component "consent"). Personal data (the owner's name, audio, voice prints,
-- challenge text naming the owner) is stored only sealed (AES-256-GCM, hex) under the owner's data
-- key, which is stored only wrapped by the operator's data wrapping key (consent_owner_keys).
-- Erasure deletes the sealed rows and the wrapped key. Secrets are stored only as SHA-256 (hex).
-- Times are epoch milliseconds.
create table consent_owner_keys (
  owner_id text primary key,
  wrapped_key text not null,
  created_at bigint not null
);

create table consent_enrolments (
  id text primary key,
  licensee_client text not null,
  licensee_org text not null,
  owner_id text not null,
  voice_id text not null unique,
  owner_name text,
  purposes text not null,
  languages text not null,
  valid_days bigint not null,
  status text not null,
  invitation_hash text not null,
  invitation_expires_at bigint not null,
  redeemed_at bigint,
  owner_secret_hash text,
  created_at bigint not null,
  erased_at bigint
);

create table consent_samples (
  id text primary key,
  enrolment_id text not null,
  duration_ms bigint not null,
  audio text not null,
  print text not null,
  created_at bigint not null
);
create index consent_samples_enrolment on consent_samples (enrolment_id);

create table consent_challenges (
  enrolment_id text primary key,
  challenge text not null,
  issued_at bigint not null,
  expires_at bigint not null,
  used_at bigint
);

create table consent_records (
  id text primary key,
  enrolment_id text not null,
  voice_id text not null,
  licensee_org text not null,
  token_id text not null unique,
  commitment text not null unique,
  status_index bigint not null unique,
  assurance text not null,
  evidence_sha256 text not null,
  token text not null,
  recording text,
  print text,
  created_at bigint not null,
  expires_at bigint not null,
  revoked_at bigint,
  revocation_event text,
  erased_at bigint
);
create index consent_records_voice on consent_records (voice_id);
create index consent_records_enrolment on consent_records (enrolment_id);

create table consent_fingerprints (
  id text primary key,
  scope text not null,
  hashes text not null
);
create index consent_fingerprints_scope on consent_fingerprints (scope);

create table consent_counters (
  name text primary key,
  counter_value bigint not null
);
insert into consent_counters (name, counter_value) values ('status_index', 0);

create table consent_erasures (
  voice_id text primary key,
  event_id text not null,
  erased_at bigint not null
);
