/** What people paste: a Cloudflare 521 error page as a browser shows it, with the visitor's own IP. */
export const PAGE_521 = `Web server is down Error code 521
Visit cloudflare.com for more information.
2026-11-30 09:12:44 UTC
You
Browser
Working
Amsterdam
Cloudflare
Working
shop.example.com
Host
Error
What happened?
The web server is not returning a connection. As a result, the web page is not displaying.
What can I do?
If you are a visitor of this website:
Please try again in a few minutes.
If you are the owner of this website:
Contact your hosting provider letting them know your web server is not responding.
Cloudflare Ray ID: 8e8c1f2a9b3d4e5f • Your IP: 198.51.100.23 • Performance & security by Cloudflare
`;
