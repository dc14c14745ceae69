/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon: it must be required at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', 'jsdom'],
  poweredByHeader: false,
};

module.exports = nextConfig;
