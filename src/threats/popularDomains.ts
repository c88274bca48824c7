// Sites so widely used that blocking them whole would break people's day: a feed may list a malicious
// file hosted on one of them, so they are blocked by URL only, never as a domain. Shared-hosting suffixes
// (github.io, blogspot.com, pages.dev…) are deliberately absent: they are public suffixes, so one
// customer's subdomain can be blocked whole without touching the others.
export const POPULAR_DOMAINS: readonly string[] = [
  // Search, mail, office, storage
  'google.com', 'drive.google.com', 'docs.google.com', 'sites.google.com', 'mail.google.com', 'gmail.com',
  'googleapis.com', 'storage.googleapis.com', 'googleusercontent.com', 'gstatic.com', 'google.co.uk',
  'google.de', 'google.fr', 'google.co.jp', 'google.com.br', 'google.ru', 'youtube.com', 'youtu.be',
  'bing.com', 'microsoft.com', 'live.com', 'onedrive.live.com', 'outlook.com', 'office.com',
  'office365.com', 'sharepoint.com', 'microsoftonline.com', 'windows.net', 'blob.core.windows.net',
  'azureedge.net', 'azurewebsites.net', 'msn.com', 'skype.com', '1drv.ms', 'yahoo.com', 'yahoo.co.jp',
  'yandex.ru', 'yandex.com', 'ya.ru', 'mail.ru', 'baidu.com', 'duckduckgo.com', 'naver.com', 'qq.com',
  'dropbox.com', 'dropboxusercontent.com', 'box.com', 'mega.nz', 'mediafire.com', 'wetransfer.com',
  'icloud.com', 'apple.com', 'proton.me', 'protonmail.com', 'zoho.com', 'notion.so', 'evernote.com',
  // Code and developer services
  'github.com', 'raw.githubusercontent.com', 'githubusercontent.com', 'objects.githubusercontent.com',
  'gist.github.com', 'gitlab.com', 'bitbucket.org', 'sourceforge.net', 'npmjs.com', 'pypi.org',
  'stackoverflow.com', 'stackexchange.com', 'docker.com', 'hub.docker.com', 'cloudflare.com',
  'amazonaws.com', 's3.amazonaws.com', 'cloudfront.net', 'akamaihd.net', 'akamaized.net', 'fastly.net',
  'jsdelivr.net', 'unpkg.com', 'cdnjs.cloudflare.com', 'discord.com', 'discordapp.com',
  'cdn.discordapp.com', 'slack.com', 'zoom.us', 'atlassian.com', 'atlassian.net', 'trello.com',
  'mozilla.org', 'firefox.com', 'chromium.org', 'wordpress.org', 'wordpress.com', 'medium.com',
  // Social, messaging, media
  'facebook.com', 'fb.com', 'fbcdn.net', 'instagram.com', 'whatsapp.com', 'whatsapp.net', 'messenger.com',
  'twitter.com', 'x.com', 't.co', 'twimg.com', 'linkedin.com', 'reddit.com', 'redd.it', 'pinterest.com',
  'tumblr.com', 'tiktok.com', 'snapchat.com', 'telegram.org', 't.me', 'vk.com', 'ok.ru', 'weibo.com',
  'twitch.tv', 'netflix.com', 'spotify.com', 'soundcloud.com', 'vimeo.com', 'imgur.com', 'flickr.com',
  'quora.com', 'wikipedia.org', 'wikimedia.org', 'archive.org', 'imdb.com', 'bbc.co.uk', 'bbc.com',
  'cnn.com', 'nytimes.com', 'theguardian.com', 'forbes.com', 'reuters.com', 'bloomberg.com',
  'washingtonpost.com', 'wsj.com', 'espn.com', 'weather.com',
  // Shopping, payments, travel
  'amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp', 'amazon.in', 'ebay.com', 'ebay.de',
  'aliexpress.com', 'alibaba.com', 'taobao.com', 'jd.com', 'walmart.com', 'target.com', 'bestbuy.com',
  'etsy.com', 'shopify.com', 'ikea.com', 'booking.com', 'airbnb.com', 'expedia.com', 'tripadvisor.com',
  'uber.com', 'paypal.com', 'stripe.com', 'visa.com', 'mastercard.com', 'americanexpress.com',
  'chase.com', 'bankofamerica.com', 'wellsfargo.com', 'citi.com', 'coinbase.com', 'binance.com',
  'steampowered.com', 'steamcommunity.com', 'epicgames.com', 'roblox.com', 'playstation.com', 'xbox.com',
  'adobe.com', 'canva.com', 'salesforce.com', 'oracle.com', 'ibm.com', 'intel.com', 'nvidia.com',
  'samsung.com', 'hp.com', 'dell.com', 'lenovo.com', 'cisco.com', 'zendesk.com', 'hubspot.com',
  'mailchimp.com', 'surveymonkey.com', 'typeform.com', 'docusign.com', 'docusign.net', 'indeed.com',
  'glassdoor.com', 'craigslist.org', 'yelp.com', 'openai.com', 'chatgpt.com', 'anthropic.com', 'claude.ai',
  'bit.ly', 'tinyurl.com', 'goo.gl', 'ow.ly', 'is.gd', 'cutt.ly', 'rb.gy', 'lnkd.in', 'forms.gle',
  'forms.office.com', 'translate.google.com', 'play.google.com', 'apps.apple.com', 'itunes.apple.com',
];
