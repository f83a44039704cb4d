import { describeFuzz } from '../../support/fuzz';

// Issue 9: every action of `notices` takes random and malformed events without a crash (test/support/fuzz.ts).
describeFuzz('notices');
