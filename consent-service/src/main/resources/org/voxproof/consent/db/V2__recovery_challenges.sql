-- A challenge is asked for a consent or for recovering a lost owner secret by voice; one kind
-- cannot answer the other.
alter table consent_challenges add column kind text not null default 'consent';
