@AllowedDependencies({"catalog"})
package shop.archfixture.undeclared.checkout;

import shop.storefront.platform.AllowedDependencies;
