-- Staff lists are paged by keyset, newest first (src/server/http/keyset.ts): an index in that order for each.
CREATE INDEX intake_requests_keyset ON intake_requests (created_at DESC, reference DESC);
CREATE INDEX referrals_keyset ON referrals (created_at DESC, reference DESC);
