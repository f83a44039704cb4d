import path from 'node:path';

/** The weapp build under test; override with WEAPP_DIST=... to test another build. */
export const WEAPP_DIST = path.resolve(process.env.WEAPP_DIST ?? path.join(__dirname, '../../../dist'));
export const H5_DIST = path.resolve(process.env.H5_DIST ?? path.join(__dirname, '../../../dist-h5'));
